"use client";
import { useParams } from "next/navigation";
import { useRef } from "react";
import { Badge } from "../../../_components/badge";
import { Card } from "../../../_components/card";
import { PageHeader } from "../../../_components/page-header";
import { CallQuality } from "../../../_components/quality/call-quality";
import { ErrorNotice, Loading } from "../../../_components/states";
import { CALL_STATE, endReasonLabel } from "../../../_lib/call-labels";
import { formatDate, formatSeconds } from "../../../_lib/labels";
import type { CallRecord } from "../../../_lib/types";
import { useResource } from "../../../_lib/use-resource";
import { useTenantEvent } from "../../../_lib/use-tenant-event";
import { Transcript } from "./_components/transcript";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default function CallPage() {
  const { id } = useParams<{ id: string }>();
  const call = useResource<CallRecord>(`/calls/${id}`);
  useTenantEvent("call:updated", (c) => c.id === id && void call.reload());
  const c = call.data;
  const recording = useRef<HTMLAudioElement>(null);

  return (
    <>
      <PageHeader title={c ? `Call from ${c.fromNumber}` : "Call"} description={c ? `To ${c.toNumber}, ${formatDate(c.startedAt)}` : undefined} />
      {call.error && <ErrorNotice message={call.error} onRetry={() => void call.reload()} />}
      {!c && call.loading && <Loading />}
      {c && (
        <div className="grid items-start gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            <Card title="Record">
              <dl className="grid gap-4 sm:grid-cols-3">
                <Fact label="State">
                  <Badge tone={CALL_STATE[c.state].tone}>{CALL_STATE[c.state].label}</Badge>
                </Fact>
                <Fact label="Outcome">{c.state === "ended" ? endReasonLabel(c.endReason) : "—"}</Fact>
                <Fact label="Direction">{c.direction === "inbound" ? "Inbound" : "Outbound"}</Fact>
                <Fact label="Queue">{c.queue?.name ?? "—"}</Fact>
                <Fact label="Agent">{c.agent?.name ?? "—"}</Fact>
                <Fact label="Wait">{c.waitSeconds === null ? "—" : formatSeconds(c.waitSeconds)}</Fact>
                <Fact label="Talk">{c.talkSeconds === null ? "—" : formatSeconds(c.talkSeconds)}</Fact>
                <Fact label="Hold">{formatSeconds(c.holdSeconds)}</Fact>
                <Fact label="Disposition">{c.disposition?.name ?? "—"}</Fact>
              </dl>
              <div className="mt-6">
                <h3 className="text-sm font-semibold text-slate-900">Recording</h3>
                {c.recording.available ? (
                  <audio ref={recording} controls preload="none" src={`/api/v1/calls/${c.id}/recording`} aria-label="Call recording" className="mt-2 w-full" />
                ) : (
                  <p className="mt-1 text-sm text-slate-500">{c.state === "ended" ? "No recording for this call." : "Recording in progress."}</p>
                )}
              </div>
              <div className="mt-6">
                <h3 className="text-sm font-semibold text-slate-900">Notes</h3>
                <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{c.notes || "No notes."}</p>
              </div>
              {c.offers.length > 0 && (
                <div className="mt-6">
                  <h3 className="text-sm font-semibold text-slate-900">Offers</h3>
                  <ul className="mt-2 divide-y divide-slate-100 text-sm">
                    {c.offers.map((o) => (
                      <li key={o.id} className="flex justify-between py-2">
                        <span>{o.agentName}</span>
                        <span className="text-slate-500">
                          {o.result} · {formatDate(o.offeredAt)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </Card>
            <CallQuality call={c} />
            <Transcript call={c} audio={recording} />
          </div>
          <Card title="Timeline">
            <ol className="space-y-3 text-sm">
              {c.events.map((e, i) => (
                <li key={i} className="flex gap-3">
                  <span className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-500" aria-hidden />
                  <div>
                    <p className="font-medium text-slate-900">{e.type.replaceAll("_", " ")}</p>
                    <p className="text-xs text-slate-500">{formatDate(e.at)}</p>
                  </div>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      )}
    </>
  );
}
