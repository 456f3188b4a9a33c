import { Badge } from "@/app/_components/badge";
import { formatPhone } from "@/app/_components/softphone/format";
import type { Contact } from "@/app/_components/softphone/use-caller-lookup";

/** Who is calling: the contact's name, number, tier and notes, or the bare number when unknown. */
export function CallerCard({ phone, contact, unavailable = false }: { phone: string; contact: Contact | null; unavailable?: boolean }) {
  const initials = (contact?.name ?? "?")
    .split(/\s+/)
    .map((w) => w[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className="flex items-start gap-4">
      <span aria-hidden className="grid size-12 shrink-0 place-items-center rounded-full bg-brand-50 text-base font-semibold text-brand-700">
        {initials}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-lg font-semibold text-slate-900">{contact?.name ?? (unavailable ? formatPhone(phone) : "Unknown caller")}</p>
          {contact?.tier === "vip" && <Badge tone="amber">VIP</Badge>}
        </div>
        <p className="text-sm text-slate-600">
          {contact || !unavailable ? formatPhone(contact?.phone ?? phone) : "Caller details unavailable."}
          {contact?.email && <span className="text-slate-400"> · </span>}
          {contact?.email}
        </p>
        {contact?.notes ? (
          <p className="mt-3 whitespace-pre-line rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">{contact.notes}</p>
        ) : (
          !contact && !unavailable && <p className="mt-2 text-sm text-slate-500">No contact has this number yet.</p>
        )}
      </div>
    </div>
  );
}
