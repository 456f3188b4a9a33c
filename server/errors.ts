export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  seat_limit: 402,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type of the domain; each transport maps `code` once (HTTP status, ack, SIP). */
export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Structural check: route adapters are bundled by Next.js, so `instanceof` may see another copy. */
export function isAppError(e: unknown): e is AppError {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as { name?: unknown }).name === "AppError" &&
    typeof (e as { code?: unknown }).code === "string" &&
    (e as { code: string }).code in ERROR_STATUS
  );
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);

function hasPgCode(e: unknown, code: string): boolean {
  for (let cur: unknown = e; cur && typeof cur === "object"; cur = (cur as { cause?: unknown }).cause) {
    if ((cur as { code?: unknown }).code === code) return true;
  }
  return false;
}

/** PostgreSQL unique violation (23505), from either driver. */
export const isUniqueViolation = (e: unknown) => hasPgCode(e, "23505");

/** PostgreSQL foreign key violation (23503): a referenced row went away meanwhile. */
export const isForeignKeyViolation = (e: unknown) => hasPgCode(e, "23503");
