"use client";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AuthCard } from "../../_components/auth-card";
import { Button } from "../../_components/button";
import { TextField } from "../../_components/field";
import { ErrorNotice } from "../../_components/states";
import { api, ApiError, errorMessage } from "../../_lib/api";
import type { Me } from "../../_lib/types";

export default function InvitePage() {
  const { token } = useParams<{ token: string }>();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password"));
    if (password !== String(form.get("confirm"))) {
      setError("The two passwords do not match.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>("/invites/accept", { method: "POST", body: { token, password }, redirectOn401: false });
      router.replace(me.user.role === "admin" ? "/admin" : "/agent");
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? "This invite link is not valid or has expired. Ask your admin for a new one." : errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <AuthCard
      title="Accept your invite"
      subtitle="Choose a password to join your team on Hotline."
      footer={
        <>
          Already set a password?{" "}
          <Link href="/login" className="font-medium text-brand-700 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={(e) => void submit(e)} className="space-y-4" aria-label="Accept invite">
        {error && <ErrorNotice message={error} />}
        <TextField label="Password" name="password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." autoFocus />
        <TextField label="Confirm password" name="confirm" type="password" autoComplete="new-password" required minLength={10} />
        <Button type="submit" busy={busy} className="w-full">
          Accept invite
        </Button>
      </form>
    </AuthCard>
  );
}
