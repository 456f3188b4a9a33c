import { route } from "@/server/http/route";

/** The call's transcript (or where it stands); POST asks for it now, from the recording. */
export const GET = route({ access: "member" }, (s, { ctx, id }) => s.transcripts.get({ ctx, input: { callId: id } }));
export const POST = route({ access: "supervisor", status: 202 }, (s, { ctx, id }) => s.transcripts.request({ ctx, input: { callId: id } }));
