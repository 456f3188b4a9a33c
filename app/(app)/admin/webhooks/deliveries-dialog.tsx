"use client";
import { Badge } from "../../../_components/badge";
import { Button } from "../../../_components/button";
import { Dialog } from "../../../_components/dialog";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { Table, td } from "../../../_components/table";
import { formatDate } from "../../../_lib/labels";
import { useResource } from "../../../_lib/use-resource";
import { type Delivery, type Webhook, deliveryBadge, eventLabel } from "./types";

/** The latest 50 deliveries of one webhook: event, status, HTTP status, attempts, time. */
export function DeliveriesDialog({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const deliveries = useResource<Delivery[]>(webhook ? `/webhooks/${webhook.id}/deliveries` : null);
  const reload = () => void deliveries.reload();
  return (
    <Dialog open={webhook !== null} onClose={onClose} title="Recent deliveries" description={webhook?.url} wide>
      <div className="space-y-4">
        <div className="flex justify-end">
          <Button variant="secondary" size="sm" onClick={reload} busy={deliveries.loading}>
            Refresh
          </Button>
        </div>
        {deliveries.error && <ErrorNotice message={deliveries.error} onRetry={reload} />}
        {!deliveries.data && deliveries.loading && <Loading />}
        {deliveries.data?.length === 0 && <EmptyState title="Nothing sent yet">Events appear here as they happen. Send a test to try your endpoint.</EmptyState>}
        {deliveries.data && deliveries.data.length > 0 && (
          <Table label="Recent deliveries" head={["Event", "Status", "HTTP status", "Attempts", "Time"]}>
            {deliveries.data.map((d) => (
              <tr key={d.id}>
                <td className={`${td} font-medium text-slate-900`}>{eventLabel(d.eventType)}</td>
                <td className={td}>
                  <Badge tone={deliveryBadge(d).tone}>{deliveryBadge(d).label}</Badge>
                  {d.lastError && <span className="mt-1 block max-w-xs break-words text-xs text-slate-500">{d.lastError}</span>}
                  {d.nextAttemptAt && d.attempts > 0 && <span className="block text-xs text-slate-500">Next try {formatDate(d.nextAttemptAt)}</span>}
                </td>
                <td className={`${td} tabular-nums`}>{d.lastStatus ?? "—"}</td>
                <td className={`${td} tabular-nums`}>{d.attempts}</td>
                <td className={`${td} whitespace-nowrap text-slate-500`}>{formatDate(d.deliveredAt ?? d.createdAt)}</td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </Dialog>
  );
}
