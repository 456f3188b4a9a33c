"use client";
import { api, errorMessage } from "../_lib/api";
import { useFormSubmit } from "../_lib/use-form-submit";
import type { Trunk } from "../_lib/types";
import { Button } from "./button";
import { Dialog, DialogActions } from "./dialog";
import { SelectField, TextArea, TextField } from "./field";
import { ErrorNotice } from "./states";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** The trunk body the API takes, from the form; empty sections become null. */
function trunkBody(form: FormData, editing: boolean) {
  const inboundAddresses = text(form, "inboundAddresses")
    .split(/[\s,]+/)
    .filter(Boolean);
  const inUser = text(form, "inUser");
  const inPass = text(form, "inPass");
  const host = text(form, "host");
  const outPass = text(form, "outPass");
  return {
    name: text(form, "name"),
    inboundAddresses,
    ...(inUser || !editing ? { inboundAuth: inUser ? { username: inUser, password: inPass } : null } : {}),
    outbound: host
      ? {
          host,
          port: Number(text(form, "port") || 5060),
          transport: text(form, "transport") || "udp",
          ...(text(form, "outUser") ? { username: text(form, "outUser") } : {}),
          ...(outPass ? { password: outPass } : {}),
          callerId: text(form, "callerId"),
        }
      : null,
  };
}

/** Creates a SIP trunk, or edits `trunk` (passwords left empty are kept). */
export function TrunkDialog({ open, trunk, onClose, onSaved }: { open: boolean; trunk?: Trunk; onClose: () => void; onSaved: () => void }) {
  const { busy, error, onSubmit, clearError } = useFormSubmit(
    async (form) => {
      await api(trunk ? `/trunks/${trunk.id}` : "/trunks", { method: trunk ? "PATCH" : "POST", body: trunkBody(form, !!trunk) });
      onSaved();
      close();
    },
    errorMessage,
    { settle: true },
  );
  const close = () => {
    clearError();
    onClose();
  };
  const keep = trunk ? "Leave empty to keep the current password" : undefined;

  return (
    <Dialog open={open} onClose={close} title={trunk ? "Edit trunk" : "New trunk"} description="A SIP trunk connects your carrier: calls come in from its addresses and go out through its proxy.">
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-5">
        {error && <ErrorNotice message={error} />}
        <TextField label="Name" name="name" defaultValue={trunk?.name} required maxLength={80} autoFocus placeholder="e.g. Main carrier" />
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">Inbound</legend>
          <TextArea
            label="Allowed addresses"
            name="inboundAddresses"
            defaultValue={trunk?.inboundAddresses.join("\n")}
            hint="The carrier's signalling IPs or CIDRs, one per line. INVITEs from anywhere else get 403."
            placeholder={"203.0.113.10\n198.51.100.0/24"}
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="Digest username" name="inUser" defaultValue={trunk?.inboundAuth?.username} autoComplete="off" hint="Optional: challenge INVITEs for credentials." />
            <TextField label="Digest password" name="inPass" type="password" autoComplete="new-password" hint={keep} />
          </div>
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">Outbound</legend>
          <div className="grid gap-3 sm:grid-cols-[1fr_6rem_6rem]">
            <TextField label="Proxy host" name="host" defaultValue={trunk?.outbound?.host} placeholder="sip.carrier.example" />
            <TextField label="Port" name="port" type="number" min={1} max={65535} defaultValue={trunk?.outbound?.port ?? 5060} />
            <SelectField label="Transport" name="transport" defaultValue={trunk?.outbound?.transport ?? "udp"}>
              <option value="udp">UDP</option>
              <option value="tcp">TCP</option>
            </SelectField>
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="Username" name="outUser" defaultValue={trunk?.outbound?.username ?? undefined} autoComplete="off" />
            <TextField label="Password" name="outPass" type="password" autoComplete="new-password" hint={keep} />
          </div>
          <TextField label="Caller ID" name="callerId" defaultValue={trunk?.outbound?.callerId} placeholder="+14155550100" hint="E.164; shown to the people your agents call." />
        </fieldset>
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            {trunk ? "Save trunk" : "Create trunk"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
