import type { ReactNode } from "react";
import { AdminGuard } from "../../_components/admin-guard";
import { AdminNav } from "../../_components/admin-nav";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <AdminGuard>
      <div className="flex flex-col gap-8 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <p className="mb-2 hidden px-3 text-xs font-semibold uppercase tracking-wide text-slate-400 md:block">Admin console</p>
          <AdminNav />
        </aside>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </AdminGuard>
  );
}
