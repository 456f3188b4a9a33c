"use client";
import { NavLink } from "./nav-link";

const LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/skills", label: "Skills" },
  { href: "/admin/queues", label: "Queues" },
  { href: "/admin/dispositions", label: "Dispositions" },
  { href: "/admin/scorecards", label: "Scorecards" },
  { href: "/admin/trunks", label: "Trunks" },
  { href: "/admin/numbers", label: "Numbers" },
  { href: "/admin/hours", label: "Business hours" },
  { href: "/admin/flows", label: "IVR flows" },
  { href: "/admin/prompts", label: "Prompts" },
  { href: "/admin/recordings", label: "Recordings" },
  { href: "/admin/api-keys", label: "API keys" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/billing", label: "Billing" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminNav() {
  return (
    <nav aria-label="Admin" className="flex gap-1 overflow-x-auto md:flex-col">
      {LINKS.map((l) => (
        <NavLink key={l.href} href={l.href} label={l.label} exact={l.href === "/admin"} activeClass="bg-white text-brand-700 shadow-sm ring-1 ring-slate-200" idleHover="hover:bg-white/70" />
      ))}
    </nav>
  );
}
