// When did the error start? A change point in the event-count series (the split that best
// separates a low rate before from a higher rate after), falling back to first seen.

import type { EventCount } from '../incident/model';

/** ISO time of the bucket where the error rate rose, or undefined when the series shows no rise. */
export function detectChangePoint(series: readonly EventCount[] | undefined): string | undefined {
  if (!series || series.length < 3) return undefined;
  const counts = series.map((b) => Math.max(0, b.count));
  const prefix = [0];
  for (const c of counts) prefix.push(prefix[prefix.length - 1] + c);
  const total = prefix[counts.length];
  let best: { index: number; gain: number } | undefined;
  for (let k = 1; k < counts.length; k++) {
    const before = prefix[k] / k;
    const after = (total - prefix[k]) / (counts.length - k);
    // Poisson log-likelihood gain of two rates over one, for a rise only.
    if (after <= before) continue;
    const ll = (sum: number, n: number) => (sum > 0 ? sum * Math.log(sum / n) : 0);
    const gain = ll(prefix[k], k) + ll(total - prefix[k], counts.length - k) - ll(total, counts.length);
    if (!best || gain > best.gain) best = { index: k, gain };
  }
  // Require a real rise: a gain worth more than chance on this many buckets.
  if (!best || best.gain < Math.log(counts.length) + 2) return undefined;
  return series[best.index].time;
}

/** The moment the evidence treats as the start of the error. */
export function errorOnset(incident: { eventCounts?: EventCount[]; firstSeen?: string }): string | undefined {
  return detectChangePoint(incident.eventCounts) ?? incident.firstSeen;
}
