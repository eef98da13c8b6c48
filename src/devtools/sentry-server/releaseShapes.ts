// Releases, commits and deploys in the shapes of Sentry's release API
// (getOrganizationRelease, listOrganizationReleaseCommits, listOrganizationReleaseDeploys).

import type { SentryStore, StoredCommit, StoredDeploy, StoredRelease } from './store';

function shortVersion(version: string): string {
  return /^[0-9a-f]{40}$/.test(version) ? version.slice(0, 7) : version.replace(/^[^@]+@/, '');
}

function releaseRef(release: StoredRelease) {
  return {
    version: release.version,
    shortVersion: shortVersion(release.version),
    ref: release.ref,
    url: release.url,
    dateReleased: release.dateReleased,
    dateCreated: release.dateCreated,
  };
}

function repository(name: string, dateCreated: string) {
  return { id: '1', name, url: null, provider: { id: 'integrations:github', name: 'GitHub' }, status: 'active', dateCreated, integrationId: null, externalSlug: name, externalId: null };
}

export function toCommit(commit: StoredCommit, release: StoredRelease) {
  const dateCreated = commit.timestamp ?? release.dateCreated;
  const shaped: Record<string, unknown> = {
    id: commit.id,
    message: commit.message ?? null,
    dateCreated,
    pullRequest: null,
    suspectCommitType: '',
    releases: [releaseRef(release)],
  };
  if (commit.authorEmail) shaped.author = { name: commit.authorName ?? null, email: commit.authorEmail };
  if (commit.repository) shaped.repository = repository(commit.repository, release.dateCreated);
  return shaped;
}

export function toDeploy(deploy: StoredDeploy) {
  return { id: deploy.id, environment: deploy.environment, dateStarted: deploy.dateStarted, dateFinished: deploy.dateFinished, name: deploy.name, url: deploy.url };
}

function authorsOf(release: StoredRelease) {
  const seen = new Map<string, { name: string | null; email: string }>();
  for (const c of release.commits) if (c.authorEmail && !seen.has(c.authorEmail)) seen.set(c.authorEmail, { name: c.authorName ?? null, email: c.authorEmail });
  return [...seen.values()];
}

/** Release details; also the `release` object embedded in an event. */
export function toRelease(release: StoredRelease, store: SentryStore) {
  const lastDeploy = release.deploys[release.deploys.length - 1];
  const issues = store.issues.filter((i) => i.firstRelease === release.version);
  const events = issues.flatMap((i) => i.events).filter((e) => e.event.release === release.version);
  const times = events.map((e) => e.created.getTime()).sort((a, b) => a - b);
  return {
    id: release.id,
    version: release.version,
    status: 'open',
    shortVersion: shortVersion(release.version),
    versionInfo: null,
    ref: release.ref,
    url: release.url,
    dateReleased: release.dateReleased,
    dateCreated: release.dateCreated,
    data: {},
    newGroups: issues.length,
    owner: null,
    commitCount: release.commits.length,
    lastCommit: release.commits.length > 0 ? toCommit(release.commits[0], release) : null,
    deployCount: release.deploys.length,
    lastDeploy: lastDeploy ? toDeploy(lastDeploy) : null,
    authors: authorsOf(release),
    projects: release.projects
      .map((slug) => store.project(slug))
      .filter((p) => p !== undefined)
      .map((p) => ({ id: Number(p.id), slug: p.slug, name: p.name ?? p.slug, platform: p.platform ?? null, platforms: p.platform ? [p.platform] : [], hasHealthData: false, newGroups: issues.filter((i) => i.projectId === p.id).length })),
    firstEvent: times.length > 0 ? new Date(times[0]).toISOString() : null,
    lastEvent: times.length > 0 ? new Date(times[times.length - 1]).toISOString() : null,
    currentProjectMeta: {},
    userAgent: null,
  };
}
