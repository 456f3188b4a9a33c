"use client";
import { useState, type FormEvent } from "react";
import { Badge } from "../../_components/badge";
import { Button } from "../../_components/button";
import { Dialog, DialogActions } from "../../_components/dialog";
import { SelectField, TextField } from "../../_components/field";
import { PageHeader } from "../../_components/page-header";
import { EmptyState, ErrorNotice, Loading } from "../../_components/states";
import { Table, td } from "../../_components/table";
import { api, errorMessage } from "../../_lib/api";
import { useResource } from "../../_lib/use-resource";

interface Contact {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  tier: "standard" | "vip";
}

export default function ContactsPage() {
  const [q, setQ] = useState("");
  const contacts = useResource<Contact[]>(`/contacts${q ? `?q=${encodeURIComponent(q)}` : ""}`);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await api("/contacts", { method: "POST", body: { name: String(f.get("name")), phone: String(f.get("phone")) || null, email: String(f.get("email")) || null, tier: f.get("tier") } });
      setCreating(false);
      await contacts.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Contacts" description="Callers, found by number when they call." actions={<Button onClick={() => setCreating(true)}>New contact</Button>} />
      <div className="mb-4 max-w-sm">
        <TextField label="Search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name, number or email" />
      </div>
      {contacts.error && <ErrorNotice message={contacts.error} onRetry={() => void contacts.reload()} />}
      {!contacts.data && contacts.loading && <Loading />}
      {contacts.data?.length === 0 && <EmptyState title={q ? "No contact matches" : "No contacts yet"}>Callers become contacts the first time they call.</EmptyState>}
      {contacts.data && contacts.data.length > 0 && (
        <Table label="Contacts" head={["Name", "Number", "Email", "Tier"]}>
          {contacts.data.map((c) => (
            <tr key={c.id}>
              <td className={`${td} font-medium text-slate-900`}>{c.name}</td>
              <td className={`${td} font-mono`}>{c.phone ?? "—"}</td>
              <td className={td}>{c.email ?? "—"}</td>
              <td className={td}>{c.tier === "vip" ? <Badge tone="amber">VIP</Badge> : <Badge>Standard</Badge>}</td>
            </tr>
          ))}
        </Table>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title="New contact">
        <form onSubmit={(e) => void create(e)} className="space-y-4">
          {error && <ErrorNotice message={error} />}
          <TextField label="Name" name="name" required maxLength={120} autoFocus />
          <TextField label="Number" name="phone" placeholder="+14155550100" hint="E.164, so calls from it find this contact." />
          <TextField label="Email" name="email" type="email" />
          <SelectField label="Tier" name="tier" defaultValue="standard" hint="VIP callers are answered first.">
            <option value="standard">Standard</option>
            <option value="vip">VIP</option>
          </SelectField>
          <DialogActions>
            <Button variant="secondary" onClick={() => setCreating(false)}>
              Cancel
            </Button>
            <Button type="submit" busy={busy}>
              Create contact
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
