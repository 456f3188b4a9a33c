"use client";
import type { ReactNode } from "react";
import { roleLabel } from "../_lib/labels";
import type { Me } from "../_lib/types";
import { useResource } from "../_lib/use-resource";
import { Badge } from "./badge";
import { Logo } from "./logo";
import { MainNav } from "./main-nav";
import { SessionProvider } from "./session";
import { SoftphoneProvider } from "./softphone/softphone-context";
import { SoftphoneLayer } from "./softphone/softphone-layer";
import { SignOutButton } from "./softphone/sign-out-button";
import { ErrorNotice, Loading } from "./states";

/**
 * Every signed-in page: loads the session (401 goes to /login), top bar, navigation, and the
 * softphone (offers, the call and its audio, wrap-up), which outlives page changes: this is the
 * signed-in layout, kept mounted across client-side navigation.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const session = useResource<Me>("/sessions");

  if (!session.data) {
    return (
      <div className="mx-auto max-w-md px-4 pt-24">
        {session.error ? <ErrorNotice message={session.error} onRetry={() => void session.reload()} /> : <Loading label="Loading your workspace…" />}
      </div>
    );
  }
  const me = session.data;

  return (
    <SessionProvider me={me}>
      <SoftphoneProvider userId={me.user.id}>
        <div className="flex min-h-screen flex-col">
          <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
            <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6 md:h-16 md:flex-nowrap md:py-0">
              <Logo href={me.user.role === "admin" ? "/admin" : "/agent"} />
              <MainNav role={me.user.role} />
              <div className="ml-auto flex items-center gap-4">
                <div className="hidden text-right leading-tight sm:block">
                  <p className="text-sm font-medium text-slate-900" title="Organization">
                    {me.tenant.name}
                  </p>
                  <p className="text-xs text-slate-500">
                    {me.user.name} · <span className="sr-only">role </span>
                    {roleLabel(me.user.role)}
                  </p>
                </div>
                <span className="sm:hidden">
                  <Badge tone="blue">{roleLabel(me.user.role)}</Badge>
                </span>
                <SignOutButton />
              </div>
            </div>
          </header>
          <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">{children}</main>
          <SoftphoneLayer selfId={me.user.id} />
        </div>
      </SoftphoneProvider>
    </SessionProvider>
  );
}
