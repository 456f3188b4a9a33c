"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useState } from "react";
import { Button } from "../../../../_components/button";
import { Card } from "../../../../_components/card";
import { PageHeader } from "../../../../_components/page-header";
import { QueueForm } from "../../../../_components/queue-form";
import { QueueMembers } from "../../../../_components/queue-members";
import { ErrorNotice, Loading } from "../../../../_components/states";
import { api } from "../../../../_lib/api";
import type { Queue, Skill, User } from "../../../../_lib/types";
import { useResource } from "../../../../_lib/use-resource";

export default function QueuePage() {
  const { id } = useParams<{ id: string }>();
  const queue = useResource<Queue>(`/queues/${id}`);
  const queues = useResource<Queue[]>("/queues");
  const skills = useResource<Skill[]>("/skills");
  const users = useResource<User[]>("/users");
  const [saved, setSaved] = useState(false);
  const error = queue.error ?? queues.error ?? skills.error ?? users.error;

  return (
    <>
      <Link href="/admin/queues" className="mb-3 inline-block text-sm font-medium text-slate-500 hover:text-slate-800">
        ← Queues
      </Link>
      <PageHeader title={queue.data?.name ?? "Queue"} description="Routing settings and the agents who answer this queue." />
      {error && (
        <div className="mb-6">
          <ErrorNotice message={error} onRetry={() => void queue.reload()} />
        </div>
      )}
      {!(queue.data && queues.data && skills.data) && !error && <Loading />}
      {queue.data && queues.data && skills.data && (
        <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-5">
          <Card title="Settings" className="xl:col-span-3">
            <QueueForm
              key={queue.data.updatedAt}
              queue={queue.data}
              queues={queues.data}
              skills={skills.data}
              onSubmit={async (body) => {
                setSaved(false);
                await api(`/queues/${id}`, { method: "PATCH", body });
                await queue.reload();
                setSaved(true);
              }}
              actions={(busy) => (
                <div className="flex items-center justify-end gap-3 border-t border-slate-200 pt-5">
                  {saved && (
                    <p role="status" className="text-sm font-medium text-emerald-700">
                      Saved
                    </p>
                  )}
                  <Button type="submit" busy={busy}>
                    Save settings
                  </Button>
                </div>
              )}
            />
          </Card>
          <div className="xl:col-span-2">
            <QueueMembers queueId={id} users={users.data ?? []} onChange={() => void queue.reload()} />
          </div>
        </div>
      )}
    </>
  );
}
