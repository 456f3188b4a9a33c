"use client";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { AuthCard } from "../../_components/auth-card";
import { Button } from "../../_components/button";
import { TextField } from "../../_components/field";
import { ErrorNotice } from "../../_components/states";
import { api, ApiError, errorMessage } from "../../_lib/api";
import { homeFor } from "../../_lib/home-for";
import type { Me } from "../../_lib/types";
import { useFormSubmit } from "../../_lib/use-form-submit";

export default function InvitePage() {
  const { token } = useParams<{ token: string }>();
  const router = useRouter();
  const { busy, error, onSubmit } = useFormSubmit(
    async (form) => {
      const password = String(form.get("password"));
      if (password !== String(form.get("confirm"))) throw new Error("The two passwords do not match.");
      const me = await api<Me>("/invites/accept", { method: "POST", body: { token, password }, redirectOn401: false });
      router.replace(homeFor(me.user.role));
    },
    (err) =>
      err instanceof ApiError && err.status === 404
        ? "This invite link is not valid or has expired. Ask your admin for a new one."
        : errorMessage(err),
  );

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
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" aria-label="Accept invite">
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
