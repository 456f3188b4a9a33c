import { route } from "@/server/http/route";

export const GET = route({ access: "public" }, async (_s, { rt }) => rt.openapi());
