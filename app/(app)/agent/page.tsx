"use client";
import { useState } from "react";
import { Card } from "../../_components/card";
import { PageHeader } from "../../_components/page-header";
import { useSession } from "../../_components/session";
import { StatusControl, type AgentStatus } from "../../_components/status-control";

const HINT: Record<AgentStatus, string> = {
  available: "You are available: calls from your queues will ring here.",
  break: "You are on a break: no calls are offered to you.",
  offline: "You are offline. Set your status to Available to start taking calls.",
};

export default function AgentWorkspace() {
  const { user } = useSession();
  const [status, setStatus] = useState<AgentStatus>("offline");

  return (
    <>
      <PageHeader title="Agent workspace" description={`Signed in as ${user.name}.`} actions={<StatusControl value={status} onChange={setStatus} />} />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card title="Softphone" description={HINT[status]} className="lg:col-span-1">
          <div className="flex flex-col items-center py-10 text-center">
            <span className="grid size-14 place-items-center rounded-full bg-slate-100 text-slate-400">
              <svg viewBox="0 0 24 24" className="size-7" fill="currentColor" aria-hidden>
                <path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1l-2.2 2.23Z" />
              </svg>
            </span>
            <p className="mt-4 font-medium text-slate-900">No calls yet</p>
            <p className="mt-1 max-w-xs text-sm text-slate-500">Incoming calls appear here with Answer and Decline.</p>
          </div>
        </Card>
        <Card title="Caller" description="The caller's contact, past calls and tickets pop up here when a call is offered." className="lg:col-span-2">
          <div className="grid gap-3 sm:grid-cols-3">
            {["Contact", "Recent calls", "Open tickets"].map((t) => (
              <div key={t} className="rounded-md border border-dashed border-slate-200 px-4 py-8 text-center text-sm text-slate-400">
                {t}
              </div>
            ))}
          </div>
        </Card>
      </div>
    </>
  );
}
