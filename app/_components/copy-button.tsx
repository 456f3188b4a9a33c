"use client";
import { useState } from "react";
import { Button } from "./button";

/** Copies `value` to the clipboard and says so for a moment (screen readers hear it too). */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      const el = document.createElement("textarea");
      el.value = value;
      document.body.append(el);
      el.select();
      document.execCommand("copy");
      el.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <Button variant="secondary" size="sm" onClick={() => void copy()} aria-live="polite">
      {copied ? "Copied" : label}
    </Button>
  );
}

export function SecretBox({ value, label }: { value: string; label: string }) {
  return (
    <div className="flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 p-2">
      <code aria-label={label} className="min-w-0 flex-1 break-all px-1 font-mono text-sm text-slate-800">
        {value}
      </code>
      <CopyButton value={value} />
    </div>
  );
}
