"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "./button";
import { useSession } from "./session";
import { EmptyState } from "./states";

const RANK = { agent: 1, supervisor: 2, admin: 3 } as const;

/** Shows `children` to users with at least the `minimum` role, and a way back to everyone else. */
export function RoleGuard({ minimum, what, children }: { minimum: "supervisor" | "admin"; what: string; children: ReactNode }) {
  const { user } = useSession();
  if (RANK[user.role] >= RANK[minimum]) return children;
  return (
    <EmptyState
      title={minimum === "admin" ? "Admins only" : "Supervisors only"}
      action={
        <Link href="/agent" className={buttonClass("secondary")}>
          Go to the agent workspace
        </Link>
      }
    >
      {what} {minimum === "admin" ? "needs the admin role" : "need the supervisor or admin role"}. Ask an admin of your organization to change your role.
    </EmptyState>
  );
}

export const AdminGuard = ({ children }: { children: ReactNode }) => (
  <RoleGuard minimum="admin" what="The admin console">
    {children}
  </RoleGuard>
);
