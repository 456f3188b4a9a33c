"use client";

const KEYS: { key: string; letters: string }[] = [
  { key: "1", letters: "" },
  { key: "2", letters: "ABC" },
  { key: "3", letters: "DEF" },
  { key: "4", letters: "GHI" },
  { key: "5", letters: "JKL" },
  { key: "6", letters: "MNO" },
  { key: "7", letters: "PQRS" },
  { key: "8", letters: "TUV" },
  { key: "9", letters: "WXYZ" },
  { key: "*", letters: "" },
  { key: "0", letters: "+" },
  { key: "#", letters: "" },
];

/** The 12-key DTMF pad; typing digits on the keyboard while it has focus presses them too. */
export function Keypad({ onKey, sent, disabled }: { onKey: (key: string) => void; sent: string; disabled?: boolean }) {
  return (
    <div
      role="group"
      aria-label="Keypad"
      className="rounded-lg border border-slate-200 bg-slate-50 p-3"
      onKeyDown={(e) => {
        if (/^[0-9*#]$/.test(e.key) && !disabled) {
          e.preventDefault();
          onKey(e.key);
        }
      }}
    >
      <output aria-label="Digits sent" className="mb-3 block h-8 truncate rounded-md bg-white px-3 text-right font-mono text-lg leading-8 tracking-widest text-slate-900 ring-1 ring-slate-200">
        {sent}
      </output>
      <div className="grid grid-cols-3 gap-2">
        {KEYS.map(({ key, letters }) => (
          <button
            key={key}
            type="button"
            disabled={disabled}
            aria-label={key === "*" ? "Star" : key === "#" ? "Pound" : key}
            onClick={() => onKey(key)}
            className="flex h-12 flex-col items-center justify-center rounded-md bg-white text-lg font-semibold text-slate-900 shadow-sm ring-1 ring-slate-200 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 active:bg-slate-200 disabled:opacity-60"
          >
            {key}
            <span aria-hidden className="text-[10px] font-medium leading-none tracking-widest text-slate-400">
              {letters}
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}
