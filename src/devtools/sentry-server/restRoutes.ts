// The REST paths the stand-in serves, answering from what it ingested, in the shapes of
// Sentry's OpenAPI description: issues, issue events, event-count series and releases.

import { toApiEvent, toIssueEventListItem } from './eventShapes';
import { toIssueDetail, toIssueListItem, type IssueShapeContext } from './issueShapes';
import { paginate } from './pagination';
import { createDeploy, createRelease } from './releaseWrites';
import { toCommit, toDeploy, toRelease } from './releaseShapes';
import type { SentryStore, StoredEvent, StoredIssue } from './store';
import { eventsTimeseries } from './timeseries';

export interface RestRequest {
  method: string;
  url: URL;
  publicUrl: string;
  body: unknown;
  scopes: string[];
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestContext {
  store: SentryStore;
  organization: string;
}

type Handler = (request: RestRequest, params: string[], context: RestContext) => Reply;

const NOT_FOUND: Reply = { status: 404, body: { detail: 'The requested resource does not exist' } };
const FORBIDDEN: Reply = { status: 403, body: { detail: 'You do not have permission to perform this action.' } };

function shapeContext(request: RestRequest, context: RestContext): IssueShapeContext {
  return { organization: context.organization, publicUrl: request.publicUrl, now: new Date() };
}

function listed<T>(all: T[], request: RestRequest): Reply {
  const page = paginate(all, request.url, request.publicUrl);
  return { status: 200, body: page.items, headers: { Link: page.link } };
}

function issueMatchesQuery(issue: StoredIssue, query: string): boolean {
  const status = /is:(unresolved|resolved|ignored)/.exec(query)?.[1];
  return !status || issue.status === status;
}

const SORTS: Record<string, (a: StoredIssue, b: StoredIssue) => number> = {
  date: (a, b) => b.lastSeen.getTime() - a.lastSeen.getTime(),
  new: (a, b) => b.firstSeen.getTime() - a.firstSeen.getTime(),
  freq: (a, b) => b.events.length - a.events.length,
};

function listProjectIssues(request: RestRequest, [projectSlug]: string[], context: RestContext): Reply {
  const project = context.store.project(projectSlug);
  if (!project) return NOT_FOUND;
  const query = request.url.searchParams.get('query') ?? 'is:unresolved';
  const statsPeriod = request.url.searchParams.get('statsPeriod') ?? '24h';
  const sort = SORTS[request.url.searchParams.get('sort') ?? 'date'] ?? SORTS.date;
  const issues = context.store.issues.filter((i) => i.projectId === project.id && issueMatchesQuery(i, query)).sort(sort);
  return listed(issues.map((i) => toIssueListItem(i, project, shapeContext(request, context), statsPeriod)), request);
}

function withIssue(handler: (issue: StoredIssue, request: RestRequest, rest: string[], context: RestContext) => Reply): Handler {
  return (request, [issueId, ...rest], context) => {
    const issue = context.store.issue(issueId);
    return issue ? handler(issue, request, rest, context) : NOT_FOUND;
  };
}

function eventRelease(stored: StoredEvent, context: RestContext) {
  const version = stored.event.release;
  const release = typeof version === 'string' ? context.store.releases.get(version) : undefined;
  return release ? toRelease(release, context.store) : null;
}

/** `latest`, `oldest`, `recommended` (the newest event that has in-app frames) or an event id. */
function pickEvent(issue: StoredIssue, which: string): StoredEvent | undefined {
  const events = [...issue.events].sort((a, b) => a.created.getTime() - b.created.getTime());
  if (which === 'latest') return events[events.length - 1];
  if (which === 'oldest') return events[0];
  if (which === 'recommended') return [...events].reverse().find((e) => JSON.stringify(e.event.exception ?? {}).includes('"in_app":true')) ?? events[events.length - 1];
  return events.find((e) => e.eventId === which);
}

function fullEvent(issue: StoredIssue, stored: StoredEvent, context: RestContext): Reply {
  const events = [...issue.events].sort((a, b) => a.created.getTime() - b.created.getTime());
  const at = events.indexOf(stored);
  return { status: 200, body: toApiEvent(stored, issue, eventRelease(stored, context), { previous: events[at - 1]?.eventId, next: events[at + 1]?.eventId }) };
}

const getIssue = withIssue((issue, request, _rest, context) => {
  const project = context.store.project(issue.projectId)!;
  return { status: 200, body: toIssueDetail(issue, project, shapeContext(request, context)) };
});

const listIssueEvents = withIssue((issue, request, _rest, context) => {
  const events = [...issue.events].sort((a, b) => b.created.getTime() - a.created.getTime());
  const full = request.url.searchParams.get('full') === 'true';
  return listed(events.map((e) => (full ? fullEvent(issue, e, context).body : toIssueEventListItem(e, issue))), request);
});

const getIssueEvent = withIssue((issue, _request, [which], context) => {
  const stored = pickEvent(issue, which);
  return stored ? fullEvent(issue, stored, context) : NOT_FOUND;
});

function getProjectEvent(_request: RestRequest, [projectSlug, eventId]: string[], context: RestContext): Reply {
  const project = context.store.project(projectSlug);
  const issue = context.store.issues.find((i) => i.projectId === project?.id && i.events.some((e) => e.eventId === eventId));
  return issue ? fullEvent(issue, pickEvent(issue, eventId)!, context) : NOT_FOUND;
}

function withRelease(handler: (release: NonNullable<ReturnType<SentryStore['releases']['get']>>, request: RestRequest, context: RestContext) => Reply): Handler {
  return (request, params, context) => {
    const release = context.store.releases.get(params[params.length - 1]);
    return release ? handler(release, request, context) : NOT_FOUND;
  };
}

const getRelease = withRelease((release, _request, context) => ({ status: 200, body: toRelease(release, context.store) }));
const listReleaseCommits = withRelease((release, request) => listed(release.commits.map((c) => toCommit(c, release)), request));
const listReleaseDeploys = withRelease((release, request) => listed(release.deploys.map(toDeploy), request));

function listReleases(request: RestRequest, _params: string[], context: RestContext): Reply {
  const releases = [...context.store.releases.values()].sort((a, b) => b.dateCreated.localeCompare(a.dateCreated));
  return listed(releases.map((r) => toRelease(r, context.store)), request);
}

interface Route {
  method: string;
  pattern: RegExp;
  scope: string;
  handler: Handler;
}

const SEGMENT = '([^/]+)';
const ORG = `/api/0/organizations/${SEGMENT}`;
const PROJECT = `/api/0/projects/${SEGMENT}/${SEGMENT}`;

function route(method: string, path: string, scope: string, handler: Handler): Route {
  return { method, pattern: new RegExp(`^${path}/$`), scope, handler };
}

/** Organization-scoped paths; the first captured group is the organization slug. */
const ROUTES: Route[] = [
  route('GET', `${PROJECT}/issues`, 'event:read', listProjectIssues),
  route('GET', `${PROJECT}/events/${SEGMENT}`, 'event:read', getProjectEvent),
  route('GET', `${PROJECT}/releases/${SEGMENT}/commits`, 'project:read', (r, [, version], c) => listReleaseCommits(r, [version], c)),
  route('GET', `${ORG}/issues/${SEGMENT}`, 'event:read', getIssue),
  route('GET', `${ORG}/issues/${SEGMENT}/events`, 'event:read', listIssueEvents),
  route('GET', `${ORG}/issues/${SEGMENT}/events/${SEGMENT}`, 'event:read', getIssueEvent),
  route('GET', `${ORG}/events-timeseries`, 'event:read', (r, _p, c) => eventsTimeseries(r.url, c.store)),
  route('GET', `${ORG}/releases`, 'project:read', listReleases),
  route('POST', `${ORG}/releases`, 'project:releases', (r, _p, c) => createRelease(r.body, c.store)),
  route('GET', `${ORG}/releases/${SEGMENT}`, 'project:read', getRelease),
  route('GET', `${ORG}/releases/${SEGMENT}/commits`, 'project:read', listReleaseCommits),
  route('GET', `${ORG}/releases/${SEGMENT}/deploys`, 'project:read', listReleaseDeploys),
  route('POST', `${ORG}/releases/${SEGMENT}/deploys`, 'project:releases', withRelease((release, r, c) => createDeploy(release, r.body, c.store))),
];

/** Project paths name a project slug that must exist; the org slug must be ours. */
export function answerRest(request: RestRequest, context: RestContext): Reply {
  const path = request.url.pathname;
  const matching = ROUTES.map((r) => ({ route: r, match: r.pattern.exec(path) })).filter((m) => m.match !== null);
  if (matching.length === 0) return NOT_FOUND;
  const hit = matching.find((m) => m.route.method === request.method);
  if (!hit) return { status: 405, body: { detail: `Method "${request.method}" not allowed.` } };
  const [organization, ...params] = hit.match!.slice(1).map(decodeURIComponent);
  if (organization !== context.organization) return NOT_FOUND;
  const scope = hit.route.scope;
  if (!request.scopes.includes(scope) && !(scope === 'project:read' && request.scopes.includes('project:releases'))) return FORBIDDEN;
  return hit.route.handler(request, params, context);
}
