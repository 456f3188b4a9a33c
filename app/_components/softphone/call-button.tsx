import type { ButtonHTMLAttributes, ReactNode } from "react";

/** A round softphone control with its name under it; `active` shows a toggle that is on (its label says
 * so too: Mute/Unmute), so no aria-pressed on top of the changing name. */
export function CallButton({
  icon,
  label,
  active,
  tone = "plain",
  compact = false,
  ...rest
}: { icon: ReactNode; label: string; active?: boolean; tone?: "plain" | "danger"; /** Smaller, for the call bar on other pages. */ compact?: boolean } & ButtonHTMLAttributes<HTMLButtonElement>) {
  const look =
    tone === "danger"
      ? "bg-red-600 text-white hover:bg-red-700"
      : active
        ? "bg-brand-600 text-white hover:bg-brand-700"
        : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-100";
  return (
    <button
      type="button"
      className={`group flex flex-col items-center text-xs font-medium text-slate-700 disabled:cursor-not-allowed disabled:opacity-60 ${compact ? "gap-1" : "gap-1.5"}`}
      {...rest}
    >
      <span aria-hidden className={`grid ${compact ? "size-10" : "size-12"} place-items-center rounded-full shadow-sm transition-colors group-focus-visible:outline-2 group-focus-visible:outline-offset-2 group-focus-visible:outline-brand-500 ${look}`}>
        {icon}
      </span>
      {label}
    </button>
  );
}
