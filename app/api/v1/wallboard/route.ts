import { route } from "@/server/http/route";

export const GET = route({ access: "supervisor" }, (s, { ctx }) => s.wallboard.figures({ ctx }));
