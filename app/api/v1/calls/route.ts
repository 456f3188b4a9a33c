import { parseWith } from "@/server/http/body";
import { route } from "@/server/http/route";
import { listQuery } from "@/server/services/calls/schemas";

export const GET = route({ access: "member" }, (s, { ctx, req }) => {
  const input = parseWith(listQuery, Object.fromEntries(new URL(req.url).searchParams));
  return s.calls.list({ ctx, input });
});
