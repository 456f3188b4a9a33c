// Small inline icons of the softphone (24px grid, currentColor).
const P = (d: string) =>
  function Icon() {
    return (
      <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
        <path d={d} />
      </svg>
    );
  };

export const MicIcon = P("M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3ZM5 11a7 7 0 0 0 14 0M12 18v3");
export const MicOffIcon = P("M3 3l18 18M9 9v3a3 3 0 0 0 5.1 2.1M15 9.3V6a3 3 0 0 0-5.9-.8M5 11a7 7 0 0 0 11.5 5.4M19 11a7 7 0 0 1-.7 3M12 18v3");
export const PauseIcon = P("M9 5v14M15 5v14");
export const PlayIcon = P("M7 5l12 7-12 7V5Z");
export const KeypadIcon = P("M6 5h.01M12 5h.01M18 5h.01M6 11h.01M12 11h.01M18 11h.01M6 17h.01M12 17h.01M18 17h.01M12 21h.01");
export const TransferIcon = P("M4 8h13l-4-4M20 16H7l4 4");
export const HangUpIcon = P("M3 15.5c5-5 13-5 18 0l-2.5 2.5-3.5-2v-2.5a10 10 0 0 0-6 0V16l-3.5 2L3 15.5Z");
