"use client";
import { useSearchParams } from "next/navigation";
import { Suspense, useState } from "react";
import { Badge } from "../../../_components/badge";
import { Button } from "../../../_components/button";
import { Card } from "../../../_components/card";
import { TextField } from "../../../_components/field";
import { PageHeader } from "../../../_components/page-header";
import { ErrorNotice, Loading } from "../../../_components/states";
import { api, errorMessage } from "../../../_lib/api";
import { formatDate } from "../../../_lib/labels";
import { useResource } from "../../../_lib/use-resource";

type Billing =
  | { enabled: false; seatsUsed: number }
  | { enabled: true; seatsUsed: number; seatsPaid: number; status: string | null; live: boolean; currentPeriodEnd: string | null; hasCustomer: boolean };

const STATUS: Record<string, { label: string; tone: "green" | "amber" | "red" | "gray" }> = {
  active: { label: "Active", tone: "green" },
  trialing: { label: "Trial", tone: "green" },
  past_due: { label: "Payment overdue", tone: "amber" },
  unpaid: { label: "Unpaid", tone: "red" },
  canceled: { label: "Canceled", tone: "red" },
  incomplete: { label: "Incomplete", tone: "amber" },
  incomplete_expired: { label: "Expired", tone: "red" },
  paused: { label: "Paused", tone: "gray" },
};

function Stat({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-xl font-semibold text-slate-900">{value}</p>
    </div>
  );
}

function BillingView() {
  const billing = useResource<Billing>("/billing");
  const params = useSearchParams();
  const [busy, setBusy] = useState<"checkout" | "portal" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const b = billing.data;

  const go = async (what: "checkout" | "portal", body?: unknown) => {
    setBusy(what);
    setError(null);
    try {
      const { url } = await api<{ url: string }>(`/billing/${what}`, { method: "POST", body });
      window.location.assign(url);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title="Billing" description="Your plan is billed per seat: each agent and supervisor holds one." />
      {params.get("checkout") === "done" && <p className="mb-4 rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">Thanks! Your subscription is being confirmed by Stripe; seats appear here within a few seconds.</p>}
      {billing.error && <ErrorNotice message={billing.error} onRetry={() => void billing.reload()} />}
      {error && <ErrorNotice message={error} />}
      {!b && billing.loading && <Loading />}
      {b && !b.enabled && (
        <Card title="Self-hosted" description="Billing is off on this server: no Stripe key is configured, so seats are unlimited.">
          <p className="text-sm text-slate-600">{b.seatsUsed} agents and supervisors are set up.</p>
        </Card>
      )}
      {b?.enabled && (
        <div className="space-y-6">
          {!b.live && (
            <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
              {b.status ? "Your subscription is not active: new calls are stopped and no seats can be added." : "Subscribe to add agents and start taking calls."}
            </div>
          )}
          <div className="grid gap-4 sm:grid-cols-4">
            <Stat label="Plan" value={b.status ? <Badge tone={STATUS[b.status]?.tone ?? "gray"}>{STATUS[b.status]?.label ?? b.status}</Badge> : "None"} />
            <Stat label="Seats used" value={`${b.seatsUsed} of ${b.seatsPaid}`} />
            <Stat label="Seats paid" value={b.seatsPaid} />
            <Stat label="Next invoice" value={b.currentPeriodEnd ? formatDate(b.currentPeriodEnd) : "—"} />
          </div>
          {b.status ? (
            <Card title="Manage subscription" description="Change seats, update the card or cancel in Stripe's customer portal.">
              <Button busy={busy === "portal"} onClick={() => void go("portal")}>
                Manage subscription
              </Button>
            </Card>
          ) : (
            <Card title="Subscribe" description="Checkout with Stripe; you can change the number of seats later.">
              <form
                className="flex items-end gap-3"
                onSubmit={(e) => {
                  e.preventDefault();
                  void go("checkout", { seats: Number(new FormData(e.currentTarget).get("seats")) });
                }}
              >
                <TextField label="Seats" name="seats" type="number" min={1} max={10000} defaultValue={Math.max(1, b.seatsUsed)} className="w-32" required />
                <Button type="submit" busy={busy === "checkout"}>
                  Subscribe with Stripe
                </Button>
              </form>
            </Card>
          )}
        </div>
      )}
    </>
  );
}

export default function BillingPage() {
  return (
    <Suspense fallback={<Loading />}>
      <BillingView />
    </Suspense>
  );
}
