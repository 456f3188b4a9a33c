"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "../_lib/types";

const LINKS: { href: string; label: string; roles: Role[] }[] = [
  { href: "/agent", label: "Agent workspace", roles: ["agent", "supervisor", "admin"] },
  { href: "/wallboard", label: "Wallboard", roles: ["agent", "supervisor", "admin"] },
  { href: "/admin", label: "Admin", roles: ["admin"] },
];

export function MainNav({ role }: { role: Role }) {
  const path = usePathname();
  return (
    <nav aria-label="Main" className="order-last -mx-1 flex w-full items-center gap-1 overflow-x-auto md:order-none md:mx-0 md:w-auto">
      {LINKS.filter((l) => l.roles.includes(role)).map((l) => {
        const active = path === l.href || path.startsWith(`${l.href}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
