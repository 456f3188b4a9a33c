/** Tickets as the API returns them, and how the pages show their priority and status. */
export interface Ticket {
  id: string;
  subject: string;
  description: string;
  status: "open" | "pending" | "closed";
  priority: "low" | "normal" | "high" | "urgent";
  contact: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  callId: string | null;
  createdAt: string;
  updatedAt: string;
}

export const PRIORITY_TONE = { low: "gray", normal: "blue", high: "amber", urgent: "red" } as const;
export const STATUS_TONE = { open: "green", pending: "amber", closed: "gray" } as const;
