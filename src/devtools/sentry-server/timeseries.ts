// The events-timeseries endpoint (listOrganizationEventsTimeseries) for the `errors` dataset:
// count() of an issue's or a project's events per interval bucket.

import type { Reply } from './restRoutes';
import type { SentryStore, StoredEvent } from './store';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

function periodSeconds(statsPeriod: string | null): number | undefined {
  const m = /^(\d+)([smhdw])$/.exec(statsPeriod ?? '24h');
  return m ? Number(m[1]) * UNIT_SECONDS[m[2]] : undefined;
}

/** Events named by the query (`issue.id:N` or `issue:SHORT-ID`) and `project` parameters. */
function selectEvents(url: URL, store: SentryStore): StoredEvent[] {
  const query = url.searchParams.get('query') ?? '';
  const issueRef = /issue(?:\.id)?:(\S+)/.exec(query)?.[1];
  const projects = url.searchParams.getAll('project').filter((p) => p !== '-1');
  return store.issues
    .filter((i) => !issueRef || i.id === issueRef || i.shortId === issueRef)
    .filter((i) => projects.length === 0 || projects.some((p) => store.project(p)?.id === i.projectId))
    .flatMap((i) => i.events);
}

export function eventsTimeseries(url: URL, store: SentryStore): Reply {
  const dataset = url.searchParams.get('dataset') ?? 'errors';
  if (dataset !== 'errors') return { status: 400, body: { detail: `This stand-in only counts the errors dataset, not ${dataset}.` } };
  const interval = Number(url.searchParams.get('interval') ?? 3600);
  const start = url.searchParams.get('start');
  const end = url.searchParams.get('end');
  const period = periodSeconds(url.searchParams.get('statsPeriod'));
  if (!Number.isInteger(interval) || interval <= 0 || (!start && period === undefined)) return { status: 400, body: { detail: 'Invalid interval or statsPeriod.' } };
  const endMs = end ? Date.parse(end) : Date.now();
  const startMs = start && !url.searchParams.get('statsPeriod') ? Date.parse(start) : endMs - period! * 1000;
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs) return { status: 400, body: { detail: 'Invalid start or end.' } };
  const step = interval * 1000;
  const first = Math.floor(startMs / step) * step;
  const buckets = Math.ceil((endMs - first) / step);
  const counts = new Array<number>(buckets).fill(0);
  for (const e of selectEvents(url, store)) {
    const index = Math.floor((e.created.getTime() - first) / step);
    if (index >= 0 && index < buckets) counts[index] += 1;
  }
  const values = counts.map((value, i) => ({ timestamp: first + i * step, value, incomplete: first + (i + 1) * step > endMs }));
  return {
    status: 200,
    body: {
      timeSeries: [{ values, yAxis: url.searchParams.get('yAxis') ?? 'count()', groupBy: [], meta: { valueUnit: null, valueType: 'integer', interval } }],
      meta: { dataset, start: startMs, end: endMs },
    },
  };
}
