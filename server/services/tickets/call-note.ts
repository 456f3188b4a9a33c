/** How a call's wrap-up notes are added to an existing ticket (tickets have no comments: the description grows). */

/** `2026-11-29 12:34 UTC` */
export const formatCallDate = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The description with the call's notes appended under a line naming the call's date and id. */
export function appendCallNote(description: string, call: { id: string; at: string }, notes: string): string {
  const heading = `— Call on ${formatCallDate(call.at)} (call ${call.id}) —`;
  const body = notes.trim() || "(no notes)";
  const block = `${heading}\n${body}`;
  return description.trim() ? `${description.trimEnd()}\n\n${block}` : block;
}
