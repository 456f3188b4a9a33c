"use client";
import { useState } from "react";
import { api } from "@/app/_lib/api";
import { Button } from "../button";
import { ConfirmDialog } from "../confirm-dialog";
import { formatPhone } from "./format";
import { useSoftphone } from "./softphone-context";

/**
 * "Sign out", which asks first when it would cut something short: a call (hung up first, so the
 * caller is not left on a line nobody hears), a call ringing (declined, so it goes to the next
 * agent at once) or a wrap-up not yet saved.
 */
export function SignOutButton() {
  const sp = useSoftphone();
  const [asking, setAsking] = useState(false);
  const who = sp.contact?.name ?? (sp.phone ? formatPhone(sp.phone) : "the caller");
  const pending =
    sp.view.kind === "call"
      ? { title: "Sign out during a call?", text: `Your call with ${who} will be hung up.`, confirm: "Hang up and sign out", before: () => sp.hangup() }
      : sp.offers.offer
        ? { title: "Sign out while a call rings?", text: "The call goes to another agent.", confirm: "Decline and sign out", before: () => sp.offers.decline() }
        : sp.view.kind === "wrap"
          ? { title: "Sign out before finishing the wrap-up?", text: "The call's disposition and notes are not saved yet.", confirm: "Sign out", before: async () => undefined }
          : null;

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => (pending ? setAsking(true) : void signOut())}>
        Sign out
      </Button>
      {pending && (
        <ConfirmDialog
          open={asking}
          title={pending.title}
          confirmLabel={pending.confirm}
          onClose={() => setAsking(false)}
          onConfirm={async () => {
            await pending.before();
            await signOut();
          }}
        >
          {pending.text}
        </ConfirmDialog>
      )}
    </>
  );
}

async function signOut() {
  try {
    await api("/sessions", { method: "DELETE", redirectOn401: false });
  } finally {
    window.location.assign("/login");
  }
}
