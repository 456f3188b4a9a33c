"use client";
import Link from "next/link";
import { PageHeader } from "../../_components/page-header";
import { useSession } from "../../_components/session";
import { ErrorNotice } from "../../_components/states";
import type { Queue, Skill, User } from "../../_lib/types";
import { useResource } from "../../_lib/use-resource";

export default function AdminOverview() {
  const { tenant, user } = useSession();
  const skills = useResource<Skill[]>("/skills");
  const queues = useResource<Queue[]>("/queues");
  const users = useResource<User[]>("/users");
  const error = skills.error ?? queues.error ?? users.error;

  const steps = [
    { href: "/admin/skills", title: "Skills", count: skills.data?.length, body: "What your agents are good at: languages, products, tiers." },
    { href: "/admin/queues", title: "Queues", count: queues.data?.length, body: "Where callers wait, and how they are routed to agents." },
    { href: "/admin/users", title: "Users", count: users.data?.length, body: "Agents, supervisors and admins of your organization." },
  ];

  return (
    <>
      <PageHeader title="Admin console" description={`Welcome, ${user.name}. Set up ${tenant.name}'s contact center.`} />
      {error && (
        <div className="mb-6">
          <ErrorNotice message={error} />
        </div>
      )}
      <ol className="grid gap-4 lg:grid-cols-3">
        {steps.map((s, i) => (
          <li key={s.href}>
            <Link href={s.href} className="group block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-500 hover:shadow">
              <div className="flex items-center justify-between">
                <span className="grid size-7 place-items-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700">{i + 1}</span>
                {s.count === undefined ? (
                  <span aria-hidden className="h-7 w-8 animate-pulse rounded bg-slate-100" />
                ) : (
                  <span className="text-2xl font-semibold tabular-nums text-slate-900" aria-label={`${s.count} ${s.title.toLowerCase()}`}>
                    {s.count}
                  </span>
                )}
              </div>
              <h2 className="mt-4 font-semibold text-slate-900 group-hover:text-brand-700">{s.title}</h2>
              <p className="mt-1 text-sm text-slate-500">{s.body}</p>
            </Link>
          </li>
        ))}
      </ol>
      <div className="mt-8 grid gap-4 sm:grid-cols-2">
        <Link href="/admin/api-keys" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-500">
          <h2 className="font-semibold text-slate-900">API keys</h2>
          <p className="mt-1 text-sm text-slate-500">Connect your CRM or scripts to the REST API.</p>
        </Link>
        <Link href="/admin/audit" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-500">
          <h2 className="font-semibold text-slate-900">Audit log</h2>
          <p className="mt-1 text-sm text-slate-500">Every change an admin or API key made, newest first.</p>
        </Link>
      </div>
    </>
  );
}
