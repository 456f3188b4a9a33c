"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** A navigation link marked `aria-current="page"` when its section is open (`exact`: only itself). */
export function NavLink({
  href,
  label,
  exact = false,
  activeClass,
  idleHover = "hover:bg-slate-100",
}: {
  href: string;
  label: string;
  exact?: boolean;
  activeClass: string;
  idleHover?: string;
}) {
  const path = usePathname();
  const active = exact ? path === href : path === href || path.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${active ? activeClass : `text-slate-600 ${idleHover} hover:text-slate-900`}`}
    >
      {label}
    </Link>
  );
}
