"use client";
import { useId, useLayoutEffect, useRef, useState } from "react";
import { bucketName, tickLabel } from "./format";
import type { Interval } from "./report-params";

export interface Series {
  label: string;
  /** Tailwind classes: the bars' fill, and the legend's swatch. */
  fill: string;
  swatch: string;
  values: number[];
}

const HEIGHT = 260;
const M = { top: 12, right: 20, bottom: 46, left: 52 };
const MIN_LABEL_GAP = 56;
const STEPS: Record<Interval, number[]> = { hour: [1, 2, 3, 6, 12, 24, 48, 72, 168], day: [1, 2, 7, 14, 28, 56], week: [1, 2, 4, 8, 13] };
const AXIS: Record<Interval, string> = { hour: "Hour", day: "Day", week: "Week (from Monday)" };

/** A round step and top for a count axis of about four lines. */
function countScale(max: number) {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const rough = max / 4;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((k) => k * pow).find((s) => s >= rough) ?? 10 * pow);
  const top = Math.ceil(max / step) * step;
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}

function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}

/**
 * Stacked bars per interval, drawn at the width it gets: thin bars and every nth axis label when
 * there are many (168 hours), each bar's figures on hover. `summary` is what a screen reader hears.
 */
export function BarChart({ title, summary, buckets, interval, series }: { title: string; summary: string; buckets: string[]; interval: Interval; series: Series[] }) {
  const headingId = useId();
  const { ref, width } = useWidth();
  const plotW = Math.max(40, width - M.left - M.right);
  const plotH = HEIGHT - M.top - M.bottom;
  const n = Math.max(1, buckets.length);
  const sums = buckets.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const { top, ticks } = countScale(Math.max(0, ...sums));
  const y = (v: number) => plotH - (v / top) * plotH;
  const band = plotW / n;
  const bar = Math.min(56, band >= 4 ? band * 0.7 : Math.max(1, band - 0.6));
  const every = STEPS[interval].find((s) => s * band >= MIN_LABEL_GAP) ?? Math.ceil(MIN_LABEL_GAP / band);
  // By the hour a label marks where its hour starts; a day or a week is labelled under its bar.
  const labelX = (i: number) => (interval === "hour" ? i * band : i * band + band / 2);

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <ul aria-label="Legend" className="flex flex-wrap gap-4 text-sm text-slate-600">
          {series.map((s) => (
            <li key={s.label} className="flex items-center gap-2">
              <span aria-hidden className={`inline-block size-3 rounded-sm ${s.swatch}`} />
              {s.label}
            </li>
          ))}
        </ul>
      </div>
      <div ref={ref} className="w-full" style={{ height: HEIGHT }}>
        {width > 0 && (
          <svg role="img" aria-label={summary} width={width} height={HEIGHT} className="block overflow-visible">
            <g aria-hidden transform={`translate(${M.left},${M.top})`}>
              {ticks.map((t) => (
                <g key={t}>
                  <line x1={0} x2={plotW} y1={y(t)} y2={y(t)} className={t === 0 ? "stroke-slate-400" : "stroke-slate-200"} />
                  <text x={-8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-slate-500 text-[11px] tabular-nums">
                    {t}
                  </text>
                </g>
              ))}
              {buckets.map((b, i) => {
                let base = 0;
                const x = i * band + (band - bar) / 2;
                return (
                  <g key={b}>
                    <title>{`${bucketName(b, interval)}: ${series.map((s) => `${s.values[i] ?? 0} ${s.label.toLowerCase()}`).join(", ")}`}</title>
                    <rect x={i * band} y={0} width={band} height={plotH} className="fill-transparent hover:fill-slate-100" />
                    {series.map((s) => {
                      const v = s.values[i] ?? 0;
                      if (v <= 0) return null;
                      const rect = <rect key={s.label} x={x} y={y(base + v)} width={bar} height={y(base) - y(base + v)} shapeRendering="crispEdges" className={`${s.fill} pointer-events-none`} />;
                      base += v;
                      return rect;
                    })}
                  </g>
                );
              })}
              {buckets.map((b, i) =>
                i % every === 0 ? (
                  <g key={b} transform={`translate(${labelX(i)},${plotH})`}>
                    <line y2={4} className="stroke-slate-400" />
                    <text y={16} textAnchor="middle" className="fill-slate-500 text-[11px]">
                      {tickLabel(b, interval)}
                    </text>
                  </g>
                ) : null,
              )}
              <text x={plotW / 2} y={plotH + 38} textAnchor="middle" className="fill-slate-600 text-xs font-medium">
                {AXIS[interval]}
              </text>
              <text transform={`translate(${-40},${plotH / 2}) rotate(-90)`} textAnchor="middle" className="fill-slate-600 text-xs font-medium">
                Calls
              </text>
            </g>
          </svg>
        )}
      </div>
    </section>
  );
}

/** What the chart shows, in a sentence: the totals of each series and the busiest interval. */
export function describeChart(title: string, period: string, buckets: string[], interval: Interval, series: Series[]): string {
  const totals = series.map((s) => `${s.values.reduce((a, b) => a + b, 0)} ${s.label.toLowerCase()}`);
  const sums = buckets.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const most = Math.max(0, ...sums);
  const at = sums.indexOf(most);
  const busiest = most > 0 && buckets.length > 1 && buckets[at] ? `; the most in ${bucketName(buckets[at], interval)} (${most})` : "";
  return `${title}, ${period}: ${totals.join(" and ")}${busiest}.`;
}

/** Sums a figure of the rows per bucket, in the order of `buckets`. */
export function perBucket<R extends { bucket: string }>(buckets: string[], rows: R[], figure: (r: R) => number): number[] {
  const at = new Map(buckets.map((b, i) => [b, i]));
  const out = buckets.map(() => 0);
  for (const r of rows) {
    const i = at.get(r.bucket);
    if (i !== undefined) out[i] = (out[i] ?? 0) + figure(r);
  }
  return out;
}
