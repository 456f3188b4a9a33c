"use client";
import type { Role } from "../_lib/types";
import { NavLink } from "./nav-link";

const LINKS: { href: string; label: string; roles: Role[] }[] = [
  { href: "/agent", label: "Agent workspace", roles: ["agent", "supervisor", "admin"] },
  { href: "/calls", label: "Calls", roles: ["agent", "supervisor", "admin"] },
  { href: "/tickets", label: "Tickets", roles: ["agent", "supervisor", "admin"] },
  { href: "/contacts", label: "Contacts", roles: ["agent", "supervisor", "admin"] },
  { href: "/wallboard", label: "Wallboard", roles: ["agent", "supervisor", "admin"] },
  { href: "/reports", label: "Reports", roles: ["supervisor", "admin"] },
  { href: "/admin", label: "Admin", roles: ["admin"] },
];

export function MainNav({ role }: { role: Role }) {
  return (
    <nav aria-label="Main" className="order-last -mx-1 flex w-full items-center gap-1 overflow-x-auto md:order-none md:mx-0 md:w-auto">
      {LINKS.filter((l) => l.roles.includes(role)).map((l) => (
        <NavLink key={l.href} href={l.href} label={l.label} activeClass="bg-brand-50 text-brand-700" />
      ))}
    </nav>
  );
}
