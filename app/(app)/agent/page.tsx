"use client";
import { Card } from "../../_components/card";
import { PageHeader } from "../../_components/page-header";
import { useSession } from "../../_components/session";
import { CallPanel } from "../../_components/softphone/call-panel";
import { DialForm } from "../../_components/softphone/dial-form";
import { IncomingCallDialog } from "../../_components/softphone/incoming-call-dialog";
import { useAgentState } from "../../_components/softphone/use-agent-state";
import { useCallControls } from "../../_components/softphone/use-call-controls";
import { useCallMedia } from "../../_components/softphone/use-call-media";
import { otherParty, useCallRecord } from "../../_components/softphone/use-call-record";
import { useConnection } from "../../_components/softphone/use-connection";
import { useOffer } from "../../_components/softphone/use-offer";
import { WrapUpForm } from "../../_components/softphone/wrap-up-form";
import { ErrorNotice } from "../../_components/states";
import { emitVerb } from "../../_lib/socket";
import { StatusControl } from "../../_components/status-control";
import { IdlePanel } from "./_components/idle-panel";
import { ScreenPop } from "./_components/screen-pop";
import { useCallerLookup } from "./_components/use-caller-lookup";
import { type WorkspaceView, useWorkspace } from "./_components/use-workspace";

const TITLES = { idle: "Softphone", call: "On a call", wrap: "After-call work" } as const;

export default function AgentWorkspace() {
  const { user } = useSession();
  const agent = useAgentState(user.id);
  const offers = useOffer();
  const connection = useConnection();
  const ws = useWorkspace(agent.state);
  const callId = ws.view.kind === "idle" ? null : ws.view.callId;
  const record = useCallRecord(callId);
  // The call's own record may say it ended before the agent's state does.
  const view: WorkspaceView = ws.view.kind === "call" && record.call?.id === callId && record.call.state === "ended" ? { kind: "wrap", callId: ws.view.callId, warning: null } : ws.view;
  const inCall = view.kind === "call" ? callId : null;
  const controls = useCallControls(inCall);
  const media = useCallMedia(inCall);

  const phone = offers.offer?.fromNumber ?? (callId && record.call ? otherParty(record.call) : null);
  const lookup = useCallerLookup(phone);
  const contact = lookup.status === "ready" ? lookup.data.contact : null;

  const answer = async () => {
    const id = await offers.answer();
    if (id) ws.setAnswered(id);
  };
  const hangup = async () => {
    if (!callId) return;
    const failed = await controls.hangup();
    if (failed) ws.forceWrap({ callId, warning: `${failed}. Your audio is closed; if the caller is still connected, Finish saves once the call has ended.` });
  };
  const dial = async (toNumber: string) => {
    const { callId: id } = await emitVerb("call:dial", { toNumber });
    ws.setAnswered(id);
  };
  const finish = (id: string) => {
    ws.finish(id);
    void agent.reload();
  };

  return (
    <>
      <PageHeader
        title="Agent workspace"
        description={`Signed in as ${user.name}.`}
        actions={<StatusControl value={agent.state?.state ?? "offline"} reason={agent.state?.reason} busy={agent.busy} loading={!agent.state} onChange={(s, r) => void agent.change(s, r)} />}
      />
      {connection === "offline" && (
        <p role="alert" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Connection to Hotline lost. Reconnecting… Calls cannot ring here until it is back.
        </p>
      )}
      {agent.error && (
        <div className="mb-6">
          <ErrorNotice message={agent.error} onRetry={() => void agent.reload()} />
        </div>
      )}
      <div className="grid items-start gap-6 lg:grid-cols-5">
        <Card title={TITLES[view.kind]} className="lg:col-span-2">
          {view.kind === "call" && (
            <CallPanel
              call={record.call}
              contactName={contact?.name ?? null}
              controls={controls}
              media={media}
              onHangup={() => void hangup()}
              selfId={user.id}
              onTransferred={() => void agent.reload()}
            />
          )}
          {view.kind === "wrap" && (
            <WrapUpForm
              key={view.callId}
              callId={view.callId}
              call={record.call}
              contactId={contact?.id ?? null}
              warning={record.call?.state === "ended" ? null : view.warning}
              until={agent.state?.state === "after_call_work" && agent.state.callId === view.callId ? agent.state.until : null}
              onDone={() => finish(view.callId)}
            />
          )}
          {view.kind === "idle" && (
            <>
              <IdlePanel agent={agent.state} ended={offers.ended} error={offers.error} onDismiss={offers.dismissEnded} />
              <DialForm onDial={dial} disabled={!agent.state || agent.state.state === "ringing"} />
            </>
          )}
          {record.error && view.kind !== "idle" && (
            <div className="mt-4">
              <ErrorNotice message={record.error} />
            </div>
          )}
        </Card>
        <div className="lg:col-span-3">
          <ScreenPop phone={phone} lookup={lookup} />
        </div>
      </div>
      {offers.offer && (
        <IncomingCallDialog
          offer={offers.offer}
          contactName={contact?.name ?? null}
          vip={contact?.tier === "vip"}
          busy={offers.busy}
          error={offers.error}
          onAnswer={() => void answer()}
          onDecline={() => void offers.decline()}
        />
      )}
    </>
  );
}
