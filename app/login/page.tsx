"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { AuthCard } from "../_components/auth-card";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";
import { ErrorNotice } from "../_components/states";
import { api } from "../_lib/api";
import { useFormSubmit } from "../_lib/use-form-submit";
import { homeFor } from "../_lib/home-for";
import type { Me } from "../_lib/types";

export default function LoginPage() {
  const router = useRouter();
  const { busy, error, onSubmit } = useFormSubmit(async (form) => {
    const me = await api<Me>("/sessions", {
        method: "POST",
        body: { email: String(form.get("email")), password: String(form.get("password")) },
        redirectOn401: false,
      });
    router.replace(homeFor(me.user.role));
  });

  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back to your contact center."
      footer={
        <>
          New to Hotline?{" "}
          <Link href="/signup" className="font-medium text-brand-700 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" aria-label="Sign in">
        {error && <ErrorNotice message={error} />}
        <TextField label="Email" name="email" type="email" autoComplete="email" required autoFocus />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" busy={busy} className="w-full">
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
