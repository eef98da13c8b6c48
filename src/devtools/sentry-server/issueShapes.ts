// Issues in the shapes of Sentry's REST API: the project issue list items and the
// organization issue details (getOrganizationIssue), with event-count `stats` series.

import type { ProjectConfig, StoredIssue } from './store';

export interface StatsWindow {
  buckets: number;
  seconds: number;
}

/** Sentry's stat periods: 24 hourly buckets for `24h`, daily ones for `14d` and `30d`. */
export const STATS_PERIODS: Record<string, StatsWindow> = {
  '24h': { buckets: 24, seconds: 3600 },
  '14d': { buckets: 14, seconds: 86400 },
  '30d': { buckets: 30, seconds: 86400 },
};

/** `[[bucketStartEpochSeconds, count], …]` oldest first, the last bucket holding `now`. */
export function statsSeries(issue: StoredIssue, window: StatsWindow, now: Date): number[][] {
  const last = Math.floor(now.getTime() / 1000 / window.seconds) * window.seconds;
  const first = last - (window.buckets - 1) * window.seconds;
  const counts = new Array<number>(window.buckets).fill(0);
  for (const e of issue.events) {
    const index = Math.floor((e.created.getTime() / 1000 - first) / window.seconds);
    if (index >= 0 && index < window.buckets) counts[index] += 1;
  }
  return counts.map((count, i) => [first + i * window.seconds, count]);
}

export interface IssueShapeContext {
  organization: string;
  publicUrl: string;
  now: Date;
}

function projectRef(project: ProjectConfig) {
  return { id: project.id, name: project.name ?? project.slug, slug: project.slug };
}

function userCount(issue: StoredIssue): number {
  const users = new Set(issue.events.map((e) => JSON.stringify((e.event.user as { id?: unknown } | undefined)?.id ?? null)).filter((u) => u !== 'null'));
  return users.size;
}

function common(issue: StoredIssue, project: ProjectConfig, context: IssueShapeContext) {
  return {
    id: issue.id,
    shareId: null,
    shortId: issue.shortId,
    title: issue.title,
    culprit: issue.culprit,
    permalink: `${context.publicUrl}/organizations/${context.organization}/issues/${issue.id}/`,
    logger: null,
    level: issue.level,
    status: issue.status,
    statusDetails: {},
    isPublic: false,
    type: 'error',
    metadata: issue.metadata,
    numComments: 0,
    assignedTo: null,
    isBookmarked: false,
    isSubscribed: false,
    subscriptionDetails: null,
    hasSeen: false,
    annotations: [],
    count: String(issue.events.length),
    userCount: userCount(issue),
    firstSeen: issue.firstSeen.toISOString(),
    lastSeen: issue.lastSeen.toISOString(),
    project: projectRef(project),
  };
}

export function toIssueListItem(issue: StoredIssue, project: ProjectConfig, context: IssueShapeContext, statsPeriod: string) {
  const window = STATS_PERIODS[statsPeriod];
  return { ...common(issue, project, context), stats: window ? { [statsPeriod]: statsSeries(issue, window, context.now) } : {} };
}

function releaseSummary(version: string | undefined, dateCreated: Date) {
  if (!version) return null;
  return { version, shortVersion: version, dateCreated: dateCreated.toISOString(), dateReleased: null, ref: null, url: null };
}

export function toIssueDetail(issue: StoredIssue, project: ProjectConfig, context: IssueShapeContext) {
  return {
    ...common(issue, project, context),
    substatus: 'ongoing',
    platform: issue.platform,
    priority: 'high',
    priorityLockedAt: null,
    seerFixabilityScore: null,
    seerAutofixLastTriggered: null,
    seerExplorerAutofixLastTriggered: null,
    project: { ...projectRef(project), platform: project.platform ?? null },
    issueType: 'error',
    issueCategory: 'error',
    isUnhandled: issue.events.some((e) => JSON.stringify(e.event.exception ?? {}).includes('"handled":false')),
    activity: [{ id: '0', type: 'first_seen', data: {}, dateCreated: issue.firstSeen.toISOString(), user: null }],
    seenBy: [],
    userReportCount: 0,
    participants: [],
    firstRelease: releaseSummary(issue.firstRelease, issue.firstSeen),
    lastRelease: releaseSummary(issue.lastRelease, issue.lastSeen),
    tags: [],
    stats: {
      '24h': statsSeries(issue, STATS_PERIODS['24h'], context.now),
      '30d': statsSeries(issue, STATS_PERIODS['30d'], context.now),
    },
  };
}
