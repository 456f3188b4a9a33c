/** Media plane errors carry a code and a message fit for the agent (bad parameters, ended call). */
export function isMediaError(e: unknown): e is { code: string; message: string } {
  return e instanceof Error && e.name === "MediaError" && typeof (e as { code?: unknown }).code === "string";
}
