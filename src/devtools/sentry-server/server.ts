// A local Sentry-compatible server for tests and the demo: the SDK ingest endpoint plus the
// REST paths CauseLens reads, on node:http, with injectable faults (429/5xx/stalls).

import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../loopback';
import { dispatch, type DispatchState } from './dispatch';
import { FaultRules, type FaultRule } from './faults';
import { BadCursorError } from './pagination';
import { createDeploy, createRelease } from './releaseWrites';
import type { Reply } from './restRoutes';
import { SentryStore, type ProjectConfig } from './store';

export const ALL_SCOPES = ['event:read', 'project:read', 'project:releases', 'org:read'];
export const DEFAULT_TOKEN = 'causelens-local-token';
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const MAX_LOGGED_REQUESTS = 1000;

/** A release to create at start, as the body of POST /api/0/organizations/{org}/releases/, plus deploys. */
export interface ReleaseSeed extends Record<string, unknown> {
  version: string;
  projects: string[];
  deploys?: Record<string, unknown>[];
}

export interface SentryServerOptions {
  port?: number;
  host?: string;
  organization?: string;
  projects?: ProjectConfig[];
  /** Auth tokens accepted by the REST API and the scopes each one has. */
  tokens?: Record<string, string[]>;
  faults?: FaultRule[];
  releases?: ReleaseSeed[];
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

export interface SentryServer {
  url: string;
  port: number;
  organization: string;
  /** A token with every scope (the first configured token). */
  token: string;
  /** The DSN an SDK uses to send to `projectId` (default: the first project). */
  dsn(projectId?: string): string;
  store: SentryStore;
  faults: FaultRules;
  requests: LoggedRequest[];
  /** Resolves once at least `count` events have been ingested; rejects after `timeoutMs`. */
  waitForEvents(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_PROJECTS: ProjectConfig[] = [{ id: '1', slug: 'shop-service', name: 'Shop Service', platform: 'node', publicKey: 'c0ffee00c0ffee00c0ffee00c0ffee00' }];

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy(new Error('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, reply: Reply): void {
  if (response.destroyed) return;
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  response.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
  response.end(body);
}

function waitForEvents(store: SentryStore, ingested: EventEmitter, count: number, timeoutMs: number): Promise<void> {
  if (store.eventCount() >= count) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onEvent = () => {
      if (store.eventCount() < count) return;
      clearTimeout(timer);
      ingested.off('event', onEvent);
      resolve();
    };
    const timer = setTimeout(() => {
      ingested.off('event', onEvent);
      reject(new Error(`only ${store.eventCount()} of ${count} events arrived within ${timeoutMs} ms`));
    }, timeoutMs);
    ingested.on('event', onEvent);
  });
}

/** Creates the configured releases (and their deploys) through the same code as the release API. */
function seedReleases(store: SentryStore, seeds: ReleaseSeed[]): void {
  for (const seed of seeds) {
    const { deploys, ...body } = seed;
    const created = createRelease(body, store);
    if (created.status >= 400) throw new Error(`release seed ${seed.version} rejected: ${JSON.stringify(created.body)}`);
    for (const deploy of deploys ?? []) {
      const reply = createDeploy(store.releases.get(seed.version)!, deploy, store);
      if (reply.status >= 400) throw new Error(`deploy seed for ${seed.version} rejected: ${JSON.stringify(reply.body)}`);
    }
  }
}

export async function startSentryServer(options: SentryServerOptions = {}): Promise<SentryServer> {
  const organization = options.organization ?? 'causelens';
  const tokens = options.tokens ?? { [DEFAULT_TOKEN]: ALL_SCOPES };
  const store = new SentryStore(options.projects ?? DEFAULT_PROJECTS);
  const faults = new FaultRules();
  faults.add(options.faults ?? []);
  const requests: LoggedRequest[] = [];
  const ingested = new EventEmitter();
  const timers = new Set<NodeJS.Timeout>();
  const delay = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(() => (timers.delete(timer), resolve()), ms);
    timers.add(timer);
  });

  seedReleases(store, options.releases ?? []);

  const state: DispatchState = { store, faults, organization, tokens, delay, onEvent: (event) => ingested.emit('event', event) };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    readBody(request)
      .then((body) => dispatch(request, url, body, state))
      .catch((error: unknown) => (error instanceof BadCursorError ? { status: 400, body: { detail: error.message } } : { status: 500, body: { detail: String(error) } }))
      .then((reply) => {
        requests.push({ method: request.method ?? 'GET', path: url.pathname + url.search, status: reply.status });
        if (requests.length > MAX_LOGGED_REQUESTS) requests.shift();
        send(response, reply);
      });
  });
  const listening = await listenOnLoopback(server, options);
  const { host, port, url } = listening;

  return {
    url,
    port,
    organization,
    token: Object.keys(tokens)[0],
    store,
    faults,
    requests,
    dsn(projectId?: string) {
      const project = projectId ? store.project(projectId) : store.projects[0];
      if (!project) throw new Error(`no project ${projectId}`);
      return `http://${project.publicKey ?? 'public'}@${host}:${port}/${project.id}`;
    },
    waitForEvents: (count, timeoutMs) => waitForEvents(store, ingested, count, timeoutMs),
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return listening.close();
    },
  };
}
