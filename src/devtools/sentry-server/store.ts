// What the local Sentry stand-in knows: projects, ingested events grouped into issues, and the
// releases, commits and deploys created through its release API. One instance per server.

import { createHash } from 'node:crypto';

export type SdkEvent = Record<string, unknown>;

export interface ProjectConfig {
  id: string;
  slug: string;
  name?: string;
  platform?: string;
  /** DSN public key the SDK must present. */
  publicKey?: string;
}

export interface StoredEvent {
  eventId: string;
  issueId: string;
  projectId: string;
  received: Date;
  created: Date;
  size: number;
  event: SdkEvent;
}

export interface StoredIssue {
  id: string;
  shortId: string;
  projectId: string;
  fingerprint: string;
  title: string;
  culprit: string;
  metadata: Record<string, string>;
  level: string;
  platform: string;
  status: 'unresolved' | 'resolved' | 'ignored';
  firstSeen: Date;
  lastSeen: Date;
  firstRelease?: string;
  lastRelease?: string;
  events: StoredEvent[];
}

export interface StoredCommit {
  id: string;
  repository?: string;
  message?: string | null;
  authorName?: string | null;
  authorEmail?: string | null;
  timestamp?: string | null;
}

export interface StoredDeploy {
  id: string;
  environment: string;
  name: string | null;
  url: string | null;
  dateStarted: string | null;
  dateFinished: string;
}

export interface StoredRelease {
  id: number;
  version: string;
  ref: string | null;
  url: string | null;
  dateCreated: string;
  dateReleased: string | null;
  projects: string[];
  /** Newest first, as Sentry lists them. */
  commits: StoredCommit[];
  deploys: StoredDeploy[];
}

type Frame = Record<string, unknown>;

function exceptionValues(event: SdkEvent): Record<string, unknown>[] {
  const values = (event.exception as { values?: unknown } | undefined)?.values;
  return Array.isArray(values) ? values.filter((v) => typeof v === 'object' && v !== null) : [];
}

/** The reported exception is the last value; its crash frame is the last in-app frame. */
export function crashSite(event: SdkEvent): { type: string; value: string; frame?: Frame } {
  const values = exceptionValues(event);
  const reported = values[values.length - 1];
  const message = (event.logentry as { formatted?: string } | undefined)?.formatted ?? (typeof event.message === 'string' ? event.message : '');
  if (!reported) return { type: 'Message', value: message };
  const frames = ((reported.stacktrace as { frames?: Frame[] } | undefined)?.frames ?? []).filter((f) => typeof f === 'object' && f !== null);
  const inApp = frames.filter((f) => f.in_app === true);
  const frame = (inApp.length > 0 ? inApp : frames)[(inApp.length > 0 ? inApp : frames).length - 1];
  return { type: String(reported.type ?? 'Error'), value: String(reported.value ?? ''), frame };
}

/** Sentry's default grouping, simplified: exception type plus crash frame (file and function). */
export function fingerprintOf(event: SdkEvent): string {
  const custom = Array.isArray(event.fingerprint) ? event.fingerprint.map(String) : [];
  const parts = custom.length > 0 && !custom.includes('{{ default }}') ? custom : [];
  if (parts.length === 0) {
    const { type, value, frame } = crashSite(event);
    parts.push(type, frame ? `${String(frame.filename ?? frame.abs_path ?? '')}:${String(frame.function ?? '')}` : value);
  }
  return createHash('md5').update(parts.join('\u0000')).digest('hex');
}

function eventDate(event: SdkEvent, fallback: Date): Date {
  const ts = event.timestamp;
  const date = typeof ts === 'number' ? new Date(ts * 1000) : typeof ts === 'string' ? new Date(ts) : fallback;
  return Number.isNaN(date.getTime()) ? fallback : date;
}

export class SentryStore {
  readonly projects: ProjectConfig[];
  readonly issues: StoredIssue[] = [];
  readonly releases = new Map<string, StoredRelease>();
  private nextIssueNumber = 1;
  private nextReleaseId = 1;
  private nextDeployId = 1;

  constructor(projects: ProjectConfig[], private readonly firstIssueId = 4000) {
    this.projects = projects;
  }

  project(idOrSlug: string): ProjectConfig | undefined {
    return this.projects.find((p) => p.id === idOrSlug || p.slug === idOrSlug);
  }

  issue(id: string): StoredIssue | undefined {
    return this.issues.find((i) => i.id === id || i.shortId === id);
  }

  ingestEvent(projectId: string, event: SdkEvent, size: number, received = new Date()): StoredEvent {
    const project = this.project(projectId);
    if (!project) throw new Error(`unknown project ${projectId}`);
    const fingerprint = fingerprintOf(event);
    const created = eventDate(event, received);
    let issue = this.issues.find((i) => i.projectId === project.id && i.fingerprint === fingerprint);
    if (!issue) {
      issue = this.openIssue(project, fingerprint, event, created);
      this.issues.push(issue);
    }
    const eventId = typeof event.event_id === 'string' ? event.event_id : createHash('md5').update(`${Date.now()}${Math.random()}`).digest('hex');
    const stored: StoredEvent = { eventId, issueId: issue.id, projectId: project.id, received, created, size, event };
    issue.events.push(stored);
    if (created < issue.firstSeen) issue.firstSeen = created;
    if (created > issue.lastSeen) issue.lastSeen = created;
    if (typeof event.release === 'string') {
      issue.firstRelease ??= event.release;
      issue.lastRelease = event.release;
      this.noteRelease(event.release, project, received);
    }
    return stored;
  }

  private openIssue(project: ProjectConfig, fingerprint: string, event: SdkEvent, seen: Date): StoredIssue {
    const number = this.nextIssueNumber++;
    const { type, value, frame } = crashSite(event);
    const fn = frame ? String(frame.function ?? '?') : '';
    const file = frame ? String(frame.filename ?? frame.abs_path ?? '') : '';
    const metadata: Record<string, string> = { type, value };
    if (file) metadata.filename = file;
    if (fn) metadata.function = fn;
    return {
      id: String(this.firstIssueId + number),
      shortId: `${project.slug.toUpperCase()}-${number}`,
      projectId: project.id,
      fingerprint,
      title: `${type}: ${value}`.slice(0, 200),
      culprit: frame ? `${String(frame.module ?? file)} in ${fn}` : '',
      metadata,
      level: typeof event.level === 'string' ? event.level : 'error',
      platform: typeof event.platform === 'string' ? event.platform : 'other',
      status: 'unresolved',
      firstSeen: seen,
      lastSeen: seen,
      events: [],
    };
  }

  /** Like Sentry, an event naming an unknown release creates it (without commits). */
  private noteRelease(version: string, project: ProjectConfig, received: Date): void {
    const { release } = this.createRelease({ version, ref: null, url: null, dateCreated: received.toISOString(), dateReleased: null, projects: [project.slug], commits: [] });
    if (!release.projects.includes(project.slug)) release.projects.push(project.slug);
  }

  createRelease(input: Omit<StoredRelease, 'id' | 'deploys'>): { release: StoredRelease; created: boolean } {
    const existing = this.releases.get(input.version);
    if (existing) return { release: existing, created: false };
    const release: StoredRelease = { ...input, id: this.nextReleaseId++, deploys: [] };
    this.releases.set(release.version, release);
    return { release, created: true };
  }

  createDeploy(release: StoredRelease, input: Omit<StoredDeploy, 'id'>): StoredDeploy {
    const deploy: StoredDeploy = { ...input, id: String(this.nextDeployId++) };
    release.deploys.push(deploy);
    return deploy;
  }

  eventCount(): number {
    return this.issues.reduce((n, i) => n + i.events.length, 0);
  }
}
