import { route } from "@/server/http/route";

export const GET = route({ access: "admin" }, (s, { ctx }) => s.billing.get({ ctx }));
