// Typed client for the Sentry REST endpoints CauseLens reads: a project's unresolved issues, an
// issue, its latest/recommended event, its event-count series, and a release with commits and deploys.
//
// Why not the official `@sentry/api` package (0.1.0, checked with `npm view`/`npm pack`): it covers
// these paths, but it declares `engines: node >=22` (we support Node 20), ships ESM only (this
// project compiles to CommonJS), is licensed FSL-1.1-Apache-2.0 (not an open-source licence; this
// project is MIT), and leaves Link-cursor pagination, Retry-After and retries to the caller, which
// is most of what this client does. So this is a small client over global fetch (see http.ts).

import { CauseLensError } from '../../errors';
import type { EventCount } from '../model';
import { SentryHttp, type SentryHttpOptions } from './http';
import type { SentryApiEvent, SentryCommit, SentryDeploy, SentryIssue, SentryRelease, SentryTimeseries } from './types';

export type SentryClientOptions = SentryHttpOptions;

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ListOptions extends CallOptions {
  /** Most pages to follow (100 items each); default 20. */
  maxPages?: number;
}

export type EventChoice = 'latest' | 'recommended' | 'oldest';

function segment(value: string): string {
  return encodeURIComponent(value);
}

export class SentryClient {
  readonly http: SentryHttp;

  constructor(options: SentryClientOptions) {
    this.http = new SentryHttp(options);
  }

  private get org(): string {
    return segment(this.http.connection.organization);
  }

  /** Unresolved issues of the configured project, most recently seen first. */
  async listUnresolvedIssues(options: ListOptions & { query?: string; statsPeriod?: '24h' | '14d' | ''; sort?: 'date' | 'new' | 'freq' } = {}): Promise<SentryIssue[]> {
    const project = this.http.connection.project;
    if (!project) throw new CauseLensError('bad-input', 'No Sentry project slug is set (setting causelens.sentry.project).');
    const { items } = await this.http.list<SentryIssue>(`/api/0/projects/${this.org}/${segment(project)}/issues/`, {
      what: `the unresolved issues of project "${project}"`,
      query: { query: options.query ?? 'is:unresolved', statsPeriod: options.statsPeriod ?? '24h', sort: options.sort ?? 'date', limit: 100 },
      signal: options.signal,
      maxPages: options.maxPages,
    });
    return items;
  }

  async getIssue(issueId: string, options: CallOptions = {}): Promise<SentryIssue> {
    const { data } = await this.http.request<SentryIssue>(`/api/0/organizations/${this.org}/issues/${segment(issueId)}/`, { what: `issue ${issueId}`, signal: options.signal });
    return data;
  }

  /** One event of an issue: `latest`, `recommended` (Sentry's pick of the most helpful), `oldest`, or an event id. */
  async getIssueEvent(issueId: string, event: EventChoice | string = 'latest', options: CallOptions = {}): Promise<SentryApiEvent> {
    const { data } = await this.http.request<SentryApiEvent>(`/api/0/organizations/${this.org}/issues/${segment(issueId)}/events/${segment(event)}/`, {
      what: `the ${event} event of issue ${issueId}`,
      signal: options.signal,
    });
    return data;
  }

  /** Error-event counts of an issue per `intervalSeconds` bucket over `statsPeriod` (events-timeseries endpoint). */
  async getIssueEventCounts(issueId: string, options: CallOptions & { statsPeriod?: string; intervalSeconds?: number } = {}): Promise<EventCount[]> {
    const { data } = await this.http.request<SentryTimeseries>(`/api/0/organizations/${this.org}/events-timeseries/`, {
      what: `the event counts of issue ${issueId}`,
      query: { dataset: 'errors', yAxis: 'count()', query: `issue.id:${issueId}`, statsPeriod: options.statsPeriod ?? '14d', interval: options.intervalSeconds ?? 3600 },
      signal: options.signal,
    });
    const values = data.timeSeries?.[0]?.values ?? [];
    // Timestamps are milliseconds in this endpoint; guard against seconds from older servers.
    return values.map((v) => ({ time: new Date(v.timestamp < 1e11 ? v.timestamp * 1000 : v.timestamp).toISOString(), count: v.value }));
  }

  async getRelease(version: string, options: CallOptions = {}): Promise<SentryRelease> {
    const { data } = await this.http.request<SentryRelease>(`/api/0/organizations/${this.org}/releases/${segment(version)}/`, { what: `release ${version}`, signal: options.signal });
    return data;
  }

  /** The commits of a release, newest first. */
  async listReleaseCommits(version: string, options: ListOptions = {}): Promise<SentryCommit[]> {
    const { items } = await this.http.list<SentryCommit>(`/api/0/organizations/${this.org}/releases/${segment(version)}/commits/`, { what: `the commits of release ${version}`, ...options });
    return items;
  }

  async listReleaseDeploys(version: string, options: ListOptions = {}): Promise<SentryDeploy[]> {
    const { items } = await this.http.list<SentryDeploy>(`/api/0/organizations/${this.org}/releases/${segment(version)}/deploys/`, { what: `the deploys of release ${version}`, ...options });
    return items;
  }
}
