/** The one way pages talk to the REST API: same origin, session cookie, JSON in and out. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ApiOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Send the browser to /login when the API answers 401 (off for the sign-in forms themselves). */
  redirectOn401?: boolean;
}

export async function api<T = unknown>(path: string, opts: ApiOptions = {}): Promise<T> {
  const { method = "GET", body, redirectOn401 = true } = opts;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError("Could not reach Hotline. Check your connection and try again.", 0, "network");
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    if (res.status === 401 && redirectOn401) redirectToLogin();
    throw new ApiError(err?.message ?? `Request failed (HTTP ${res.status})`, res.status, err?.code ?? "unknown");
  }
  return data as T;
}

export function redirectToLogin() {
  const here = window.location.pathname + window.location.search;
  const next = here.startsWith("/login") ? "" : `?next=${encodeURIComponent(here)}`;
  window.location.assign(`/login${next}`);
}

/** A `next` query value is only followed when it is a path on this site. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : null;
}

export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : "Something went wrong");
