import { parseWith } from "@/server/http/body";
import { route } from "@/server/http/route";
import { evaluationsQuery } from "@/server/services/quality/schemas";

export const GET = route({ access: "member" }, (s, { ctx, req }) => s.quality.listEvaluations({ ctx, input: parseWith(evaluationsQuery, Object.fromEntries(new URL(req.url).searchParams)) }));
