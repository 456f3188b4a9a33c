export interface Total {
  label: string;
  value: string;
  /** A line under the value: what it counts, or the figure behind it. */
  note?: string;
  /** A longer explanation, on hover. */
  title?: string;
}

/** The report's overall figures, one tile each (a group named by its label). */
export function Totals({ items }: { items: Total[] }) {
  return (
    <section aria-label="Totals">
      <dl className={`grid grid-cols-2 gap-3 ${items.length > 4 ? "sm:grid-cols-3 lg:grid-cols-6" : "sm:grid-cols-4"}`}>
        {items.map((t) => (
          <div key={t.label} role="group" aria-label={t.label} title={t.title} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{t.value}</dd>
            {t.note && <dd className="mt-0.5 text-xs text-slate-500">{t.note}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
