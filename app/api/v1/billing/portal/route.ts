import { route } from "@/server/http/route";

export const POST = route({ access: "admin" }, (s, { ctx, req }) => s.billing.portal({ ctx, input: { origin: new URL(req.url).origin } }));
