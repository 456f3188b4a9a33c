"use client";
import { Button } from "../../../_components/button";
import { SecretBox } from "../../../_components/copy-button";

/** The signing secret, shown this once with a copy button. */
export function SecretNotice({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm font-medium text-amber-900">Copy the signing secret now. It is shown only once.</p>
      <p className="text-sm text-amber-900">
        Your endpoint checks the <code className="rounded bg-amber-100 px-1 py-0.5 text-xs">Hotline-Signature</code> header with it: an HMAC-SHA256 of{" "}
        <code className="rounded bg-amber-100 px-1 py-0.5 text-xs">&lt;t&gt;.&lt;raw body&gt;</code>.
      </p>
      <SecretBox label="Signing secret" value={secret} />
      <Button variant="secondary" size="sm" onClick={onDone}>
        I have copied it
      </Button>
    </div>
  );
}
