"use client";
import { type FlowDefinition, branches, typeLabel } from "./model";

/** The flow as a tree from its start; a node met again shows as a link back instead of repeating. */
export function FlowTree({ flow, problemsByNode, onSelect }: { flow: FlowDefinition; problemsByNode: Map<string, string[]>; onSelect: (id: string) => void }) {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const render = (id: string | null, label: string, depth: number): React.ReactNode => {
    const key = `${depth}-${label}-${id ?? "none"}`;
    if (!id) {
      return (
        <li key={key} className="text-amber-700">
          <span className="text-slate-500">{label} →</span> nothing yet
        </li>
      );
    }
    const node = byId.get(id);
    if (!node) {
      return (
        <li key={key} className="text-red-700">
          <span className="text-slate-500">{label} →</span> “{id}” is missing
        </li>
      );
    }
    const again = seen.has(id);
    seen.add(id);
    const problems = problemsByNode.get(id) ?? [];
    return (
      <li key={key}>
        <span className="text-slate-500">{label} → </span>
        <button type="button" onClick={() => onSelect(id)} className="rounded px-1 font-medium text-brand-700 hover:bg-brand-50 focus:outline-none focus:ring-2 focus:ring-brand-500/40">
          {node.label || node.id}
        </button>
        <span className="ml-1 text-xs text-slate-500">{typeLabel(node.type)}</span>
        {problems.length > 0 && <span className="ml-2 text-xs text-red-700">⚠ {problems.length}</span>}
        {again ? (
          <span className="ml-1 text-xs text-slate-400">(again)</span>
        ) : (
          branches(node).length > 0 && <ul className="ml-5 mt-1 space-y-1 border-l border-slate-200 pl-3">{branches(node).map((b) => render(b.target, b.label, depth + 1))}</ul>
        )}
      </li>
    );
  };
  return <ul className="space-y-1 text-sm">{render(flow.start, "start", 0)}</ul>;
}
