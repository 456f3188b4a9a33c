"use client";
import { usePathname } from "next/navigation";
import { IncomingCallDialog } from "./incoming-call-dialog";
import { RemoteAudio } from "./remote-audio";
import { useSoftphone } from "./softphone-context";
import { SoftphoneDock } from "./softphone-dock";

/** The agent workspace shows the softphone in full; every other page gets the call bar. */
export const WORKSPACE_PATH = "/agent";

/**
 * What of the softphone stays on screen whatever the page: the far end's audio (one element for
 * the whole session, so a call's sound never stops on navigation), the "Incoming call" dialog,
 * and, off the agent workspace, the call bar.
 */
export function SoftphoneLayer({ selfId }: { selfId: string }) {
  const sp = useSoftphone();
  const onWorkspace = usePathname() === WORKSPACE_PATH;
  const { offer } = sp.offers;
  return (
    <>
      <RemoteAudio stream={sp.media.remote} />
      {!onWorkspace && <SoftphoneDock selfId={selfId} />}
      {offer && (
        <IncomingCallDialog
          offer={offer}
          contactName={sp.contact?.name ?? null}
          vip={sp.contact?.tier === "vip"}
          ivrSteps={sp.ivr.status === "ready" ? sp.ivr.steps : []}
          ivrLabels={sp.ivr.status === "ready" ? sp.ivr.labels : {}}
          busy={sp.offers.busy}
          error={sp.offers.error}
          onAnswer={() => void sp.answer()}
          onDecline={() => void sp.offers.decline()}
        />
      )}
    </>
  );
}
