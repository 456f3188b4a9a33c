"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { AuthCard } from "../_components/auth-card";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";
import { ErrorNotice } from "../_components/states";
import { api } from "../_lib/api";
import { useFormSubmit } from "../_lib/use-form-submit";

export default function SignupPage() {
  const router = useRouter();
  const { busy, error, onSubmit } = useFormSubmit(async (form) => {
    await api("/signup", {
        method: "POST",
        body: {
          organization: String(form.get("organization")),
          name: String(form.get("name")),
          email: String(form.get("email")),
          password: String(form.get("password")),
        },
        redirectOn401: false,
      });
    router.replace("/admin");
  });

  return (
    <AuthCard
      title="Create your contact center"
      subtitle="You will be the first admin of your organization."
      footer={
        <>
          Already have an account?{" "}
          <Link href="/login" className="font-medium text-brand-700 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" aria-label="Sign up">
        {error && <ErrorNotice message={error} />}
        <TextField label="Organization" name="organization" autoComplete="organization" required minLength={2} maxLength={120} autoFocus />
        <TextField label="Your name" name="name" autoComplete="name" required maxLength={120} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required />
        <TextField label="Password" name="password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." />
        <Button type="submit" busy={busy} className="w-full">
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
