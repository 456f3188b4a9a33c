"use client";
import { type FormEvent, useState } from "react";
import { errorMessage } from "./api";

/**
 * The submit cycle of a form: busy while `action` runs, its error shown as a readable message
 * (and the form enabled again). On success the action usually navigates away, so busy stays on;
 * forms that stay on the page (dialogs) pass `{ settle: true }` to be enabled again.
 */
export function useFormSubmit(action: (form: FormData) => Promise<void>, describe: (e: unknown) => string = errorMessage, opts: { settle?: boolean } = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await action(form);
      if (opts.settle) setBusy(false);
    } catch (err) {
      setError(describe(err));
      setBusy(false);
    }
  };
  return { busy, error, onSubmit, clearError: () => setError(null) };
}
