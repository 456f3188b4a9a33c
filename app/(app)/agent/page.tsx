"use client";
import { Card } from "../../_components/card";
import { PageHeader } from "../../_components/page-header";
import { useSession } from "../../_components/session";
import { CallPanel } from "../../_components/softphone/call-panel";
import { DialForm } from "../../_components/softphone/dial-form";
import { useSoftphone } from "../../_components/softphone/softphone-context";
import { WrapUpForm } from "../../_components/softphone/wrap-up-form";
import { ErrorNotice } from "../../_components/states";
import { StatusControl } from "../../_components/status-control";
import { IdlePanel } from "./_components/idle-panel";
import { ScreenPop } from "./_components/screen-pop";

const TITLES = { idle: "Softphone", call: "On a call", wrap: "After-call work" } as const;

/**
 * The agent workspace: the softphone in full beside the screen pop. The softphone's state (the
 * offer and its "Incoming call" dialog, the call, its audio, the wrap-up) lives in the app shell,
 * so it carries on when the agent opens another page; this page only shows it.
 */
export default function AgentWorkspace() {
  const { user } = useSession();
  const sp = useSoftphone();
  const { agent, offers, view, record, contact } = sp;

  return (
    <>
      <PageHeader
        title="Agent workspace"
        description={`Signed in as ${user.name}.`}
        actions={<StatusControl value={agent.state?.state ?? "offline"} reason={agent.state?.reason} busy={agent.busy} loading={!agent.state} onChange={(s, r) => void agent.change(s, r)} />}
      />
      {sp.connection === "offline" && (
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
              controls={sp.controls}
              media={sp.media}
              consult={sp.consult}
              onHangup={() => void sp.hangup()}
              selfId={user.id}
              onTransferred={() => void agent.reload()}
            />
          )}
          {view.kind === "wrap" && <WrapUpForm call={record.call} wrap={sp.wrapUp} warning={sp.wrapWarning} until={sp.wrapUntil} openTickets={sp.lookup.status === "ready" ? sp.lookup.data.openTickets : []} />}
          {view.kind === "idle" && (
            <>
              <IdlePanel agent={agent.state} ended={offers.ended} error={offers.error} onDismiss={offers.dismissEnded} />
              <DialForm onDial={sp.dial} disabled={!agent.state || agent.state.state === "ringing"} />
            </>
          )}
          {record.error && view.kind !== "idle" && (
            <div className="mt-4">
              <ErrorNotice message={record.error} />
            </div>
          )}
        </Card>
        <div className="lg:col-span-3">
          <ScreenPop phone={sp.phone} lookup={sp.lookup} ivr={sp.ivr} />
        </div>
      </div>
    </>
  );
}
