import { Card } from "@/app/_components/card";
import { Loading } from "@/app/_components/states";
import { CallerCard } from "./caller-card";
import { CrmCard } from "./crm-card";
import { IvrChoices } from "./ivr-choices";
import { OpenTickets } from "./open-tickets";
import { PastCalls } from "./past-calls";
import type { LookupState } from "@/app/_components/softphone/use-caller-lookup";
import type { IvrPathState } from "@/app/_components/softphone/use-ivr-path";

/** The right column: who is calling, their IVR choices, past calls and open tickets, from the moment of the offer. */
export function ScreenPop({ phone, lookup, ivr }: { phone: string | null; lookup: LookupState; ivr: IvrPathState }) {
  if (!phone) {
    return (
      <Card title="Caller" description="The caller's contact, past calls and tickets pop up here when a call is offered.">
        <div className="grid gap-3 sm:grid-cols-3">
          {["Contact", "Past calls", "Open tickets"].map((t) => (
            <div key={t} className="rounded-md border border-dashed border-slate-200 px-4 py-8 text-center text-sm text-slate-400">
              {t}
            </div>
          ))}
        </div>
      </Card>
    );
  }
  if (lookup.status === "loading" || lookup.status === "idle") {
    return (
      <Card title="Caller">
        <Loading label="Looking up the caller…" />
        <IvrChoices ivr={ivr} />
      </Card>
    );
  }
  if (lookup.status === "failed") {
    return (
      <Card title="Caller">
        <CallerCard phone={phone} contact={null} unavailable />
        <IvrChoices ivr={ivr} />
      </Card>
    );
  }
  const { contact, pastCalls, openTickets, crm } = lookup.data;
  return (
    <div className="space-y-6">
      <Card title="Caller">
        <CallerCard phone={phone} contact={contact} />
        {crm && <CrmCard crm={crm} />}
        <IvrChoices ivr={ivr} />
      </Card>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="Past calls">
          <PastCalls calls={pastCalls} />
        </Card>
        <Card title="Open tickets">
          <OpenTickets tickets={openTickets} />
        </Card>
      </div>
    </div>
  );
}
