// The parts of Sentry's REST answers that CauseLens reads (field names as in Sentry's OpenAPI
// description); everything else in an answer is ignored.

export type StatsSeries = [number, number][];

export interface SentryProjectRef {
  id: string;
  slug: string;
  name?: string;
}

export interface SentryReleaseRef {
  version: string;
  shortVersion?: string;
  dateCreated?: string;
  dateReleased?: string | null;
}

export interface SentryIssue {
  id: string;
  shortId: string;
  title: string;
  culprit: string | null;
  permalink: string;
  level: string;
  status: string;
  /** Sentry sends counts as strings. */
  count: string;
  userCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  project: SentryProjectRef;
  metadata: Record<string, unknown>;
  platform?: string | null;
  /** `{ '24h': [[epochSeconds, count], …], '30d': … }` */
  stats?: Record<string, StatsSeries>;
  firstRelease?: SentryReleaseRef | null;
  lastRelease?: SentryReleaseRef | null;
}

/** A full event as the API returns it; read by parseSentryEvent. */
export type SentryApiEvent = Record<string, unknown> & { eventID: string; release?: SentryRelease | null };

export interface SentryCommit {
  id: string;
  message: string | null;
  dateCreated: string;
  author?: { name: string | null; email: string } | Record<string, unknown>;
  repository?: { name: string } & Record<string, unknown>;
}

export interface SentryDeploy {
  id: string;
  environment: string;
  dateStarted: string | null;
  dateFinished: string;
  name: string | null;
  url: string | null;
}

export interface SentryRelease {
  id: number;
  version: string;
  shortVersion?: string;
  ref: string | null;
  url: string | null;
  dateCreated: string | null;
  dateReleased: string | null;
  commitCount: number;
  deployCount: number;
  lastCommit: SentryCommit | null;
  lastDeploy: SentryDeploy | null;
  firstEvent?: string | null;
  lastEvent?: string | null;
}

export interface SentryTimeseries {
  timeSeries: { yAxis: string; values: { timestamp: number; value: number; incomplete: boolean }[]; meta: { interval: number } }[];
  meta: { dataset: string; start: number; end: number };
}
