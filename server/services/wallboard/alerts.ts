/**
 * The wallboard's threshold alerts: one definition, evaluated here; the browser only shows them.
 * Pure: the queue's thresholds and live counts in, the alerts breached now out.
 */

export const ALERT_KINDS = ["waiting", "longestWait", "serviceLevel", "abandonRate"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface QueueAlert {
  kind: AlertKind;
  /** In the unit of the queue's setting: calls, seconds or percent. */
  threshold: number;
  /** The figure now, in the same unit (a percentage to one decimal). */
  value: number;
  /** A sentence to show, e.g. "5 calls waiting (alert at 4)", "A caller has waited 1m or more". */
  message: string;
}

export interface AlertThresholds {
  alertMaxWaiting: number | null;
  alertLongestWaitSec: number | null;
  alertServiceLevelPct: number | null;
  alertAbandonRatePct: number | null;
}

export interface AlertInput {
  waiting: number;
  oldestWaitingSince: Date | null;
  answered: number;
  answeredWithinThreshold: number;
  abandoned: number;
}

/** "45s", "1m 5s", "2h 10m": as the wallboard writes durations. */
export function formatDuration(sec: number): string {
  if (sec < 60) return `${sec}s`;
  const m = Math.floor(sec / 60);
  const s = sec % 60;
  if (m < 60) return s ? `${m}m ${s}s` : `${m}m`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
}

/** part ÷ whole as a percentage to one decimal, never rounded onto or across the threshold it breached. */
function percent(part: number, whole: number, threshold: number, breached: "below" | "above"): number {
  const exact = (part * 100) / whole;
  const rounded = Math.round(exact * 10) / 10;
  if (breached === "below" && rounded >= threshold) return Math.floor(exact * 10) / 10;
  if (breached === "above" && rounded <= threshold) return Math.ceil(exact * 10) / 10;
  return rounded;
}

/**
 * The alerts a queue breaches at `now`, and when its longest-wait alert will start if no caller is
 * answered or leaves before (`nextAlertAt`, null when none is pending), so that a board can look
 * again then instead of counting on its own. Comparisons are on whole numbers: exact at the edge.
 */
export function evaluateAlerts(t: AlertThresholds, f: AlertInput, now: Date): { alerts: QueueAlert[]; nextAlertAt: Date | null } {
  const alerts: QueueAlert[] = [];
  let nextAlertAt: Date | null = null;

  if (t.alertMaxWaiting !== null && f.waiting >= t.alertMaxWaiting) {
    alerts.push({
      kind: "waiting",
      threshold: t.alertMaxWaiting,
      value: f.waiting,
      message: `${f.waiting} ${f.waiting === 1 ? "call" : "calls"} waiting (alert at ${t.alertMaxWaiting})`,
    });
  }

  if (t.alertLongestWaitSec !== null && f.oldestWaitingSince !== null) {
    const waitedMs = Math.max(0, now.getTime() - f.oldestWaitingSince.getTime());
    if (waitedMs >= t.alertLongestWaitSec * 1000) {
      const waited = Math.floor(waitedMs / 1000);
      alerts.push({
        kind: "longestWait",
        threshold: t.alertLongestWaitSec,
        value: waited,
        // The tile counts the wait up by itself: the sentence names the threshold, which stays true.
        message: `A caller has waited ${formatDuration(t.alertLongestWaitSec)} or more`,
      });
    } else {
      nextAlertAt = new Date(f.oldestWaitingSince.getTime() + t.alertLongestWaitSec * 1000);
    }
  }

  // Service level: answered within the queue's threshold ÷ answered, below N %.
  if (t.alertServiceLevelPct !== null && f.answered > 0 && f.answeredWithinThreshold * 100 < t.alertServiceLevelPct * f.answered) {
    const value = percent(f.answeredWithinThreshold, f.answered, t.alertServiceLevelPct, "below");
    alerts.push({ kind: "serviceLevel", threshold: t.alertServiceLevelPct, value, message: `Service level ${value}% (alert below ${t.alertServiceLevelPct}%)` });
  }

  // Abandon rate: abandoned ÷ (answered + abandoned), above N %.
  const offered = f.answered + f.abandoned;
  if (t.alertAbandonRatePct !== null && offered > 0 && f.abandoned * 100 > t.alertAbandonRatePct * offered) {
    const value = percent(f.abandoned, offered, t.alertAbandonRatePct, "above");
    alerts.push({ kind: "abandonRate", threshold: t.alertAbandonRatePct, value, message: `Abandon rate ${value}% (alert above ${t.alertAbandonRatePct}%)` });
  }

  return { alerts, nextAlertAt };
}
