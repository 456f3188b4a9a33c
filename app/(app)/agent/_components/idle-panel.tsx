import { Button } from "@/app/_components/button";
import { formatPhone } from "@/app/_components/softphone/format";
import { ENDED_OFFER_LABEL, type EndedOffer } from "@/app/_components/softphone/use-offer";
import type { AgentState, AgentStateName } from "@/app/_components/softphone/types";
import { useNow } from "@/app/_components/softphone/use-now";

const HINT: Partial<Record<AgentStateName, string>> = {
  available: "You are available: calls from your queues ring here.",
  break: "You are on a break: no calls are offered to you.",
  offline: "You are offline. Set your status to Available to start taking calls.",
};

/** No call: what the agent's status means, and the last offer that went by unanswered. */
export function IdlePanel({ agent, ended, error, onDismiss }: { agent: AgentState | null; ended: EndedOffer | null; error: string | null; onDismiss: () => void }) {
  const state = agent?.state ?? null;
  const waiting = state === "available";
  const now = useNow(1000, !!agent?.until);
  const back = agent?.until ? Math.ceil((Date.parse(agent.until) - now) / 1000) : null;
  return (
    <div className="flex flex-col items-center py-8 text-center">
      <span aria-hidden className={`grid size-14 place-items-center rounded-full ${waiting ? "bg-emerald-50 text-emerald-600" : "bg-slate-100 text-slate-400"}`}>
        <svg viewBox="0 0 24 24" className="size-7" fill="currentColor">
          <path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1l-2.2 2.23Z" />
        </svg>
      </span>
      <p className="mt-4 font-medium text-slate-900">No calls yet</p>
      <p className="mt-1 max-w-xs text-sm text-slate-500">
        {state ? (HINT[state] ?? "") : "Loading your status…"}
        {state === "break" && agent?.reason ? ` (${agent.reason})` : ""}
      </p>
      {state === "break" && back !== null && back > 0 && <p className="mt-1 text-sm text-slate-500">Calls ring again in {back}s.</p>}
      {ended && (
        <div role="status" className="mt-6 w-full rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-left text-sm text-amber-900">
          <p className="font-medium">
            {ENDED_OFFER_LABEL[ended.result]}: {formatPhone(ended.offer.fromNumber)}
            {ended.offer.queueName ? ` (${ended.offer.queueName})` : ""}
          </p>
          {error && <p className="mt-1">{error}</p>}
          <Button variant="ghost" size="sm" className="-ml-3 mt-1" onClick={onDismiss}>
            Dismiss
          </Button>
        </div>
      )}
    </div>
  );
}
