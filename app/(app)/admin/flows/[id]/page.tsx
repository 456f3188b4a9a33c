"use client";
import { useParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Badge } from "../../../../_components/badge";
import { Button } from "../../../../_components/button";
import { Card } from "../../../../_components/card";
import { SelectField } from "../../../../_components/field";
import { FlowTree } from "../../../../_components/flow/flow-tree";
import { type FlowDefinition, type FlowNode, type NodeType, NODE_TYPES, newNode } from "../../../../_components/flow/model";
import { NodeCard } from "../../../../_components/flow/node-card";
import { PageHeader } from "../../../../_components/page-header";
import { ErrorNotice, Loading } from "../../../../_components/states";
import { api, errorMessage } from "../../../../_lib/api";
import type { Queue } from "../../../../_lib/types";
import { useResource } from "../../../../_lib/use-resource";

interface Flow {
  id: string;
  name: string;
  draft: FlowDefinition;
  problems: Array<{ nodeId: string | null; message: string }>;
  publishedVersion: number | null;
}

/** Renames a node everywhere it is referred to. */
function retarget(flow: FlowDefinition, from: string, to: string | null): FlowDefinition {
  const t = (x: string | null) => (x === from ? to : x);
  return {
    start: flow.start === from ? (to ?? "") : flow.start,
    nodes: flow.nodes.map((n): FlowNode => {
      if (n.type === "play") return { ...n, next: t(n.next) };
      if (n.type === "menu") return { ...n, noInput: t(n.noInput), options: n.options.map((o) => ({ ...o, next: t(o.next) ?? "" })) };
      if (n.type === "hours") return { ...n, open: t(n.open) ?? "", closed: t(n.closed) ?? "" };
      return n;
    }),
  };
}

export default function FlowEditor() {
  const { id } = useParams<{ id: string }>();
  const loaded = useResource<Flow>(`/flows/${id}`);
  const queues = useResource<Queue[]>("/queues");
  const hours = useResource<Array<{ id: string; name: string }>>("/business-hours");
  const recordings = useResource<Array<{ id: string; name: string }>>("/prompts");
  const [draft, setDraft] = useState<FlowDefinition | null>(null);
  const [problems, setProblems] = useState<Flow["problems"]>([]);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<"save" | "publish" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState<NodeType>("menu");

  useEffect(() => {
    if (loaded.data && !dirty) {
      setDraft(loaded.data.draft);
      setProblems(loaded.data.problems);
    }
  }, [loaded.data, dirty]);

  const problemsByNode = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const p of problems) if (p.nodeId) m.set(p.nodeId, [...(m.get(p.nodeId) ?? []), p.message]);
    return m;
  }, [problems]);

  const change = (next: FlowDefinition) => {
    setDraft(next);
    setDirty(true);
    setNotice(null);
  };
  const save = async (): Promise<boolean> => {
    if (!draft) return false;
    setBusy("save");
    setError(null);
    try {
      const flow = await api<Flow>(`/flows/${id}`, { method: "PATCH", body: { draft } });
      setProblems(flow.problems);
      setDirty(false);
      setNotice(flow.problems.length ? `Saved, with ${flow.problems.length} problem(s) to fix before publishing.` : "Saved. Ready to publish.");
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(null);
    }
  };
  const publish = async () => {
    if (dirty && !(await save())) return;
    setBusy("publish");
    setError(null);
    try {
      const flow = await api<Flow>(`/flows/${id}/publish`, { method: "POST" });
      setNotice(`Published as version ${flow.publishedVersion}. New calls use it now.`);
      void loaded.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  if (!draft) return loaded.error ? <ErrorNotice message={loaded.error} onRetry={() => void loaded.reload()} /> : <Loading />;
  const ids = draft.nodes.map((n) => n.id);
  const general = problems.filter((p) => !p.nodeId);
  const queueOptions = (queues.data ?? []).map((q) => ({ id: q.id, name: q.name }));
  const hoursOptions = hours.data ?? [];
  const promptOptions = (recordings.data ?? []).map((p) => ({ id: p.id, name: p.name }));

  return (
    <>
      <PageHeader
        title={loaded.data?.name ?? "Flow"}
        description={loaded.data?.publishedVersion ? `Version ${loaded.data.publishedVersion} is live. You are editing the draft.` : "Not published yet."}
        actions={
          <div className="flex gap-2">
            <Button variant="secondary" busy={busy === "save"} disabled={!dirty} onClick={() => void save()}>
              Save draft
            </Button>
            <Button busy={busy === "publish"} disabled={!dirty && problems.length > 0} onClick={() => void publish()}>
              Publish
            </Button>
          </div>
        }
      />
      {error && <ErrorNotice message={error} />}
      {notice && (
        <p role="status" className="mb-4 rounded-md bg-slate-100 px-4 py-2 text-sm text-slate-700">
          {notice}
        </p>
      )}
      {general.length > 0 && <ErrorNotice message={general.map((p) => p.message).join(" · ")} />}
      <div className="grid items-start gap-6 lg:grid-cols-[20rem_1fr]">
        <Card title="Call path" description={problems.length ? `${problems.length} problem(s)` : "No problems"} actions={problems.length ? <Badge tone="red">Fix</Badge> : <Badge tone="green">Valid</Badge>}>
          <FlowTree flow={draft} problemsByNode={problemsByNode} onSelect={(nid) => document.getElementById(`node-${nid}`)?.scrollIntoView({ behavior: "smooth", block: "center" })} />
        </Card>
        <div className="space-y-4">
          {draft.nodes.map((node, i) => (
            <NodeCard
              key={`${i}-${node.type}`}
              node={node}
              nodeIds={ids}
              queues={queueOptions}
              hours={hoursOptions}
              prompts={promptOptions}
              problems={problemsByNode.get(node.id) ?? []}
              isStart={draft.start === node.id}
              onChange={(n) => change({ ...draft, nodes: draft.nodes.map((x, j) => (j === i ? n : x)) })}
              onRemove={() => {
                const rest = retarget(draft, node.id, null);
                change({ ...rest, nodes: rest.nodes.filter((_, j) => j !== i) });
              }}
              onMakeStart={() => change({ ...draft, start: node.id })}
            />
          ))}
          <div className="flex items-end gap-2 rounded-lg border border-dashed border-slate-300 p-4">
            <SelectField label="New step" value={adding} onChange={(e) => setAdding(e.target.value as NodeType)} className="w-64">
              {NODE_TYPES.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label} — {t.hint}
                </option>
              ))}
            </SelectField>
            <Button variant="secondary" onClick={() => change({ ...draft, nodes: [...draft.nodes, newNode(adding, new Set(ids), { queueId: queueOptions[0]?.id, hoursId: hoursOptions[0]?.id })] })}>
              Add step
            </Button>
          </div>
        </div>
      </div>
    </>
  );
}
