import type { CrmRecord } from "@/app/_components/softphone/use-caller-lookup";

/** What the tenant's CRM knows about the caller (its contact.lookup webhook), with a link there. */
export function CrmCard({ crm }: { crm: CrmRecord }) {
  return (
    <section aria-label="From your CRM" className="mt-4 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">From your CRM</h3>
        {crm.url && (
          <a href={crm.url} target="_blank" rel="noopener noreferrer" className="text-sm font-medium text-brand-700 hover:underline">
            Open in CRM
          </a>
        )}
      </div>
      {(crm.name || crm.company) && (
        <p className="mt-1 text-sm text-slate-900">
          {crm.name}
          {crm.name && crm.company && <span className="text-slate-400"> · </span>}
          {crm.company}
        </p>
      )}
      {crm.notes && <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{crm.notes}</p>}
    </section>
  );
}
