import { Badge } from "../badge";
import type { CallView } from "./use-call-record";

interface Props {
  call: CallView | null;
  /** Consulted on a colleague's call (warm transfer). */
  guest: boolean;
  consulting: boolean;
  muted: boolean;
  recordingPaused: boolean;
}

/** Where the call stands, as badges: consult, caller waiting, on hold, calling, in call; muted; recording paused. */
export function CallBadges({ call, guest, consulting, muted, recordingPaused }: Props) {
  const dialling = call?.direction === "outbound" && !call.answeredAt;
  return (
    <>
      {guest ? (
        <Badge tone="blue">Consult</Badge>
      ) : consulting ? (
        <Badge tone="amber">Caller waiting</Badge>
      ) : call?.held ? (
        <Badge tone="amber">On hold</Badge>
      ) : dialling ? (
        <Badge tone="blue">Calling…</Badge>
      ) : (
        <Badge tone="green">In call</Badge>
      )}
      {muted && <Badge tone="red">Muted</Badge>}
      {recordingPaused && <Badge tone="amber">Recording paused</Badge>}
    </>
  );
}

/** Consulted on a colleague's call: talk, or hang up to leave; the rest is theirs. */
export const isGuest = (call: CallView | null, selfId: string) => !!call?.agentId && call.agentId !== selfId;
