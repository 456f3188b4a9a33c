import { parseWith } from "@/server/http/body";
import { route } from "@/server/http/route";
import { auditQuery } from "@/server/services/audit/schemas";

export const GET = route({ access: "admin" }, (s, { ctx, req }) => {
  const input = parseWith(auditQuery, Object.fromEntries(new URL(req.url).searchParams));
  return s.audit.list({ ctx, input });
});
