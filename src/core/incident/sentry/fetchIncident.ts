// Assembles one Incident from the Sentry REST API: the issue (title, first/last seen, event-count
// stats), its latest or recommended event (exceptions, frames, breadcrumbs), and its release
// (the commit it was built from, its deploys). Release data is optional: failures become warnings.

import { CauseLensError, isCauseLensError } from '../../errors';
import type { EventCount, Incident } from '../model';
import type { CallOptions, EventChoice, SentryClient } from './client';
import { parseSentryEvent, sentryPlatform } from './event';
import type { SentryApiEvent, SentryDeploy, SentryIssue, SentryRelease, StatsSeries } from './types';

export interface DeployInfo {
  release: string;
  environment: string;
  /** ISO 8601. */
  finishedAt: string;
  startedAt?: string;
  name?: string;
}

/** An Incident plus the release's deploys, which the timing evidence compares with the error rate. */
export interface SentryIncident extends Incident {
  deploys: DeployInfo[];
}

export interface FetchIncidentOptions extends CallOptions {
  /** Which event of the issue to read; default 'recommended', falling back to 'latest' where a server lacks it. */
  event?: EventChoice;
}

const SHA = /^[0-9a-f]{40}$/i;

/** The finest `stats` series that reaches back to first seen, else the longest one. */
export function eventCountsFromStats(stats: Record<string, StatsSeries> | undefined, firstSeen: string | null): EventCount[] | undefined {
  const series = Object.values(stats ?? {}).filter((s) => Array.isArray(s) && s.length > 0);
  if (series.length === 0) return undefined;
  const start = (s: StatsSeries) => s[0][0] * 1000;
  const bucket = (s: StatsSeries) => (s.length > 1 ? s[1][0] - s[0][0] : Number.POSITIVE_INFINITY);
  const first = firstSeen ? Date.parse(firstSeen) : Number.NaN;
  const covering = series.filter((s) => !Number.isNaN(first) && start(s) <= first).sort((a, b) => bucket(a) - bucket(b));
  const chosen = covering[0] ?? [...series].sort((a, b) => start(a) - start(b))[0];
  return chosen.map(([seconds, count]) => ({ time: new Date(seconds * 1000).toISOString(), count }));
}

async function fetchEvent(client: SentryClient, issueId: string, options: FetchIncidentOptions): Promise<SentryApiEvent> {
  const choice = options.event ?? 'recommended';
  try {
    return await client.getIssueEvent(issueId, choice, options);
  } catch (error) {
    // Older self-hosted Sentry has no `recommended` event; `latest` always exists.
    if (choice === 'recommended' && isCauseLensError(error) && error.reason === 'not-found') return client.getIssueEvent(issueId, 'latest', options);
    throw error;
  }
}

async function releaseCommit(client: SentryClient, release: SentryRelease, options: CallOptions): Promise<string | undefined> {
  if (release.lastCommit?.id) return release.lastCommit.id;
  if (release.commitCount > 0) {
    const commits = await client.listReleaseCommits(release.version, { ...options, maxPages: 1 });
    if (commits[0]?.id) return commits[0].id;
  }
  if (release.ref && SHA.test(release.ref)) return release.ref;
  return SHA.test(release.version) ? release.version : undefined;
}

function toDeployInfo(version: string, deploy: SentryDeploy): DeployInfo {
  const info: DeployInfo = { release: version, environment: deploy.environment, finishedAt: deploy.dateFinished };
  if (deploy.dateStarted) info.startedAt = deploy.dateStarted;
  if (deploy.name) info.name = deploy.name;
  return info;
}

/** Release, commit and deploys; a missing release or a token without release access only adds a warning. */
async function addRelease(client: SentryClient, incident: SentryIncident, version: string, options: CallOptions): Promise<void> {
  try {
    const release = await client.getRelease(version, options);
    const commit = await releaseCommit(client, release, options);
    if (commit) incident.commit = commit;
    else incident.warnings.push(`Release ${version} has no commit associated in Sentry; the history window is chosen from the dates instead.`);
    if (release.deployCount > 0) incident.deploys = (await client.listReleaseDeploys(version, options)).map((d) => toDeployInfo(version, d));
  } catch (error) {
    if (!isCauseLensError(error) || !['not-found', 'forbidden'].includes(error.reason)) throw error;
    if (SHA.test(version)) incident.commit ??= version;
    incident.warnings.push(`Release ${version} could not be read from Sentry (${error.message})`);
  }
}

function issueRelease(issue: SentryIssue, event: SentryApiEvent): string | undefined {
  const fromEvent = event.release?.version;
  return typeof fromEvent === 'string' ? fromEvent : issue.lastRelease?.version ?? issue.firstRelease?.version;
}

export async function fetchIncident(client: SentryClient, issueId: string, options: FetchIncidentOptions = {}): Promise<SentryIncident> {
  const issue = await client.getIssue(issueId, options);
  if (typeof issue?.id !== 'string') throw new CauseLensError('server-error', `Sentry's answer for issue ${issueId} has no id; is the base URL a Sentry server?`);
  const event = await fetchEvent(client, issueId, options);
  const parsed = parseSentryEvent(event, { source: 'sentry-api' });
  const incident: SentryIncident = { ...parsed, id: issue.id, title: issue.title || parsed.title, deploys: [] };
  if (incident.platform === 'unknown') incident.platform = sentryPlatform(issue.platform);
  if (issue.firstSeen) incident.firstSeen = issue.firstSeen;
  if (issue.lastSeen) incident.lastSeen = issue.lastSeen;
  const counts = eventCountsFromStats(issue.stats, issue.firstSeen);
  if (counts) incident.eventCounts = counts;
  const version = issueRelease(issue, event);
  if (version) {
    incident.release = version;
    await addRelease(client, incident, version, options);
  }
  return incident;
}
