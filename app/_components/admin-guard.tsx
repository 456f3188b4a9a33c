"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "./button";
import { useSession } from "./session";
import { EmptyState } from "./states";

export function AdminGuard({ children }: { children: ReactNode }) {
  const { user } = useSession();
  if (user.role === "admin") return children;
  return (
    <EmptyState
      title="Admins only"
      action={
        <Link href="/agent" className={buttonClass("secondary")}>
          Go to the agent workspace
        </Link>
      }
    >
      The admin console needs the admin role. Ask an admin of your organization to change your role.
    </EmptyState>
  );
}
