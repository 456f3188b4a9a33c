"use client";
import { useState } from "react";
import { Badge } from "../../../_components/badge";
import { Button } from "../../../_components/button";
import { Card } from "../../../_components/card";
import { ConfirmDialog } from "../../../_components/confirm-dialog";
import { PageHeader } from "../../../_components/page-header";
import { ScorecardDialog } from "../../../_components/scorecard-dialog";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { api } from "../../../_lib/api";
import { type Scorecard, usedOn } from "../../../_lib/quality";
import { useResource } from "../../../_lib/use-resource";

const criteriaCount = (n: number) => (n === 1 ? "1 criterion" : `${n} criteria`);

function ScorecardCard({ card, onEdit, onDelete }: { card: Scorecard; onEdit: () => void; onDelete: () => void }) {
  const used = card.evaluations > 0;
  const noteId = `scorecard-${card.id}-note`;
  const total = card.criteria.reduce((s, c) => s + c.weight, 0);
  const actions = (
    <div className="flex shrink-0 gap-1">
      <Button variant="ghost" size="sm" aria-label={`Edit ${card.name}`} onClick={onEdit}>
        Edit
      </Button>
      <Button variant="ghost-danger" size="sm" aria-label={`Delete ${card.name}`} disabled={used} aria-describedby={used ? noteId : undefined} onClick={onDelete}>
        Delete
      </Button>
    </div>
  );
  return (
    <Card title={card.name} description={`${criteriaCount(card.criteria.length)} · ${usedOn(card.evaluations)}`} actions={actions}>
      <ol aria-label={`${card.name} criteria`} className="divide-y divide-slate-100">
        {card.criteria.map((c) => (
          <li key={c.id} className="flex items-start justify-between gap-4 py-2 first:pt-0 last:pb-0">
            <div className="min-w-0">
              <p className="text-sm font-medium text-slate-900">{c.label}</p>
              {c.description && <p className="text-sm text-slate-500">{c.description}</p>}
            </div>
            <div className="flex shrink-0 items-center gap-2">
              <span className="hidden text-xs text-slate-400 sm:inline">{Math.round((c.weight / total) * 100)}% of the score</span>
              <Badge tone="blue">Weight {c.weight}</Badge>
            </div>
          </li>
        ))}
      </ol>
      {used && (
        <p id={noteId} className="mt-4 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600">
          Calls were scored with these criteria, so they are fixed and the scorecard cannot be deleted. You can still rename it.
        </p>
      )}
    </Card>
  );
}

export default function ScorecardsPage() {
  const list = useResource<Scorecard[]>("/scorecards");
  const [editing, setEditing] = useState<Scorecard | "new" | null>(null);
  const [deleting, setDeleting] = useState<Scorecard | null>(null);

  const newButton = <Button onClick={() => setEditing("new")}>New scorecard</Button>;
  return (
    <>
      <PageHeader title="Scorecards" description="The questions supervisors answer when they score a call, each weighted." actions={newButton} />
      {list.error && <ErrorNotice message={list.error} onRetry={() => void list.reload()} />}
      {!list.data && list.loading && <Loading />}
      {list.data?.length === 0 && (
        <EmptyState title="No scorecards yet" action={<Button variant="secondary" onClick={() => setEditing("new")}>Create your first scorecard</Button>}>
          List what a good call looks like, such as a warm greeting, a solved problem and a clear next step; supervisors then score calls on it.
        </EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <div className="space-y-4">
          {list.data.map((card) => (
            <ScorecardCard key={card.id} card={card} onEdit={() => setEditing(card)} onDelete={() => setDeleting(card)} />
          ))}
        </div>
      )}
      <ScorecardDialog
        key={editing === "new" ? "new" : (editing?.id ?? "none")}
        open={editing !== null}
        scorecard={editing === "new" || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={list.reload}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete scorecard"
        confirmLabel="Delete scorecard"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api(`/scorecards/${deleting?.id}`, { method: "DELETE" });
          await list.reload();
        }}
      >
        Delete <strong className="text-slate-900">{deleting?.name}</strong>? No call was scored with it yet.
      </ConfirmDialog>
    </>
  );
}
