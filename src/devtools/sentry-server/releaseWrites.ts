// Release and deploy creation through Sentry's real paths (createOrganizationRelease,
// createOrganizationReleaseDeploy), so a demo seeds them exactly as sentry-cli or CI would.

import { toDeploy, toRelease } from './releaseShapes';
import type { Reply } from './restRoutes';
import type { SentryStore, StoredCommit, StoredRelease } from './store';

type Json = Record<string, unknown>;

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isoOrNull(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  const date = typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function fieldError(field: string, message: string): Reply {
  return { status: 400, body: { [field]: [message] } };
}

function readCommits(value: unknown): StoredCommit[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const commits: StoredCommit[] = [];
  for (const raw of value) {
    const c = raw as Json;
    if (typeof c !== 'object' || c === null || typeof c.id !== 'string' || c.id.length === 0 || c.id.length > 64) return undefined;
    commits.push({ id: c.id, repository: text(c.repository) ?? undefined, message: text(c.message), authorName: text(c.author_name), authorEmail: text(c.author_email), timestamp: isoOrNull(c.timestamp) ?? null });
  }
  // Sentry lists a release's commits newest first.
  return commits.every((c) => c.timestamp) ? commits.sort((a, b) => b.timestamp!.localeCompare(a.timestamp!)) : commits;
}

export function createRelease(body: unknown, store: SentryStore): Reply {
  const input = body as Json;
  if (typeof input !== 'object' || input === null) return { status: 400, body: { detail: 'Invalid request body: expected a JSON object.' } };
  if (typeof input.version !== 'string' || input.version.length === 0) return fieldError('version', 'This field is required.');
  if (input.version.length > 200) return fieldError('version', 'Ensure this field has no more than 200 characters.');
  const projects = Array.isArray(input.projects) ? input.projects.map(String) : [];
  if (projects.length === 0) return fieldError('projects', 'This field is required.');
  const unknown = projects.find((p) => !store.project(p));
  if (unknown) return fieldError('projects', `Invalid project ids or slugs '${unknown}'`);
  const commits = readCommits(input.commits);
  if (!commits) return fieldError('commits', 'Each commit needs an `id` of at most 64 characters.');
  const dateReleased = isoOrNull(input.dateReleased);
  if (dateReleased === undefined) return fieldError('dateReleased', 'Datetime has wrong format.');
  const { release, created } = store.createRelease({
    version: input.version,
    ref: text(input.ref),
    url: text(input.url),
    dateCreated: new Date().toISOString(),
    dateReleased,
    projects,
    commits,
  });
  if (!created) {
    // Sentry answers 208 for an existing release and merges what the new call adds.
    for (const p of projects) if (!release.projects.includes(p)) release.projects.push(p);
    if (commits.length > 0) release.commits = commits;
    release.ref ??= text(input.ref);
    release.dateReleased ??= dateReleased;
  }
  return { status: created ? 201 : 208, body: toRelease(release, store) };
}

export function createDeploy(release: StoredRelease, body: unknown, store: SentryStore): Reply {
  const input = body as Json;
  if (typeof input !== 'object' || input === null) return { status: 400, body: { detail: 'Invalid request body: expected a JSON object.' } };
  if (typeof input.environment !== 'string' || input.environment.length === 0) return fieldError('environment', 'This field is required.');
  const dateStarted = isoOrNull(input.dateStarted);
  const dateFinished = isoOrNull(input.dateFinished);
  if (dateStarted === undefined || dateFinished === undefined) return fieldError('dateFinished', 'Datetime has wrong format.');
  const deploy = store.createDeploy(release, {
    environment: input.environment,
    name: text(input.name),
    url: text(input.url),
    dateStarted,
    dateFinished: dateFinished ?? new Date().toISOString(),
  });
  return { status: 201, body: toDeploy(deploy) };
}
