import { errorResponse } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

/** Stripe's webhook: the raw body is what the signature covers, so it is read as text, not JSON. */
export async function POST(req: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    const rawBody = await req.text();
    if (rawBody.length > 1_000_000) return Response.json({ error: { code: "payload_too_large", message: "Body over 1 MB" } }, { status: 413 });
    const out = await rt.services.billing.handleWebhook({ deps: rt.deps, input: { rawBody, signature: req.headers.get("stripe-signature") } });
    return Response.json(out);
  } catch (e) {
    return errorResponse(e);
  }
}
