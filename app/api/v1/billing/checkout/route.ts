import { route } from "@/server/http/route";
import { checkoutInput } from "@/server/services/billing/schemas";

export const POST = route({ access: "admin", body: checkoutInput }, (s, { ctx, body, req }) =>
  s.billing.checkout({ ctx, input: { seats: body.seats, origin: new URL(req.url).origin } }),
);
