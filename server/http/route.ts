import { z } from "zod";
import type { Role } from "@/db/schema";
import type { Ctx } from "../context";
import { AppError, ERROR_STATUS, isAppError } from "../errors";
import { getRuntime, type Runtime, type Services } from "../runtime";
import type { Authenticated } from "../services/auth/authenticate";
import { readJson } from "./body";
import { SESSION_COOKIE, parseCookies } from "./cookies";
import { checkOrigin } from "./origin";
import { logError } from "../log";

export type Access = "public" | "member" | "supervisor" | "admin";
const RANK: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };
const NEEDED: Record<Exclude<Access, "public">, number> = { member: 1, supervisor: 2, admin: 3 };

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

interface Args<B> {
  req: Request;
  rt: Runtime;
  body: B;
  /** Path parameters; ids are checked to be UUIDs (anything else is simply not found). */
  params: Record<string, string>;
  /** `params.id`, checked to be a UUID when the path has one (empty otherwise). */
  id: string;
  auth: Authenticated | null;
}
interface AuthedArgs<B> extends Args<B> {
  ctx: Ctx;
  auth: Authenticated;
}

type Handler<A extends Access, B> = (
  s: Services,
  args: A extends "public" ? Args<B> : AuthedArgs<B>,
) => Promise<unknown>;

const uuid = z.uuid();

/**
 * Builds a Next.js route handler: authenticate, check the Origin of cookie mutations, parse the
 * body with zod, call one service verb, and map any error to `{ error: { code, message } }`.
 */
export function route<A extends Access, S extends z.ZodType | undefined = undefined>(
  opts: { access: A; body?: S; status?: number },
  handler: Handler<A, S extends z.ZodType ? z.infer<S> : undefined>,
) {
  return async (req: Request, context?: NextContext): Promise<Response> => {
    try {
      const rt = getRuntime();
      const params = await readParams(context);
      const auth = await authenticateRequest(rt, req);
      if (opts.access !== "public") {
        if (!auth) throw new AppError("unauthenticated", "Sign in or send an API key (Authorization: Bearer ...)");
        if (RANK[auth.ctx.actor.role] < NEEDED[opts.access as Exclude<Access, "public">]) {
          throw new AppError("forbidden", `This needs the ${opts.access === "member" ? "agent" : opts.access} role`);
        }
      }
      if (req.method !== "GET" && req.method !== "HEAD" && auth?.via !== "api-key") checkOrigin(rt, req);
      const body = opts.body ? await readJson(req, opts.body) : undefined;
      const args = { req, rt, body, params, id: params.id ?? "", auth, ctx: auth?.ctx } as Parameters<Handler<A, never>>[1];
      const result = await handler(rt.services, args as never);
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: opts.status ?? 200 });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

async function readParams(context: NextContext | undefined): Promise<Record<string, string>> {
  const raw = context ? await context.params : {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (typeof v !== "string") continue;
    if (k === "id" || k.endsWith("Id")) {
      if (!uuid.safeParse(v).success) throw new AppError("not_found", "Not found");
    }
    out[k] = v;
  }
  return out;
}

export function bearerKey(req: Request): string | null {
  const h = req.headers.get("authorization");
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1] ?? null;
}

async function authenticateRequest(rt: Runtime, req: Request): Promise<Authenticated | null> {
  const key = bearerKey(req);
  if (key) {
    const found = await rt.services.auth.authenticate({ deps: rt.deps, input: { kind: "api-key", key } });
    if (!found) throw new AppError("unauthenticated", "The API key is not valid");
    return found;
  }
  const token = parseCookies(req.headers.get("cookie"))[SESSION_COOKIE];
  if (!token) return null;
  return rt.services.auth.authenticate({ deps: rt.deps, input: { kind: "session", token } });
}

export function errorResponse(e: unknown): Response {
  if (isAppError(e)) {
    const extra = e.details && typeof e.details === "object" ? { details: e.details } : {};
    return Response.json({ error: { code: e.code, message: e.message, ...extra } }, { status: ERROR_STATUS[e.code] });
  }
  logError("http", "unexpected error", e);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side" } }, { status: 500 });
}

/** The TCP peer, stamped by server/app.ts on every request (any client-sent value is replaced). */
export const PEER_HEADER = "x-hotline-peer";
export const clientIp = (req: Request) => req.headers.get(PEER_HEADER) ?? "unknown";
