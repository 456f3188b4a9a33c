"use client";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/app/_lib/api";
import { Button } from "../button";
import { TextField } from "../field";
import { ErrorNotice } from "../states";

/** E.164 from what people type: spaces, dashes and brackets go; a 10-digit number is North American. */
export function toE164(typed: string): string {
  const t = typed.replace(/[\s().-]/g, "");
  return /^\d{10}$/.test(t) ? `+1${t}` : t;
}

/** Click-to-call: the tenant's caller ID rings the number; the call opens in the softphone. */
export function DialForm({ onDial, disabled }: { onDial: (toNumber: string) => Promise<void>; disabled?: boolean }) {
  const [number, setNumber] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const to = toE164(number);
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return setError("Enter the number with its country code, like +14155550142.");
    setBusy(true);
    setError(null);
    try {
      await onDial(to);
      setNumber("");
    } catch (err) {
      setError(`Could not place the call: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form aria-label="Make a call" onSubmit={(e) => void submit(e)} className="space-y-3 border-t border-slate-200 pt-5">
      <div className="flex items-end gap-2">
        <TextField label="Number to call" className="flex-1" value={number} onChange={(e) => setNumber(e.target.value)} placeholder="+14155550142" inputMode="tel" autoComplete="off" disabled={disabled} />
        <Button type="submit" busy={busy} disabled={disabled || !number.trim()}>
          Call
        </Button>
      </div>
      {error && <ErrorNotice message={error} />}
    </form>
  );
}
