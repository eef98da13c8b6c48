// The local Sentry stand-in: envelope ingest as SDKs post it, grouping, and every REST answer
// checked against the 200/201 schemas of Sentry's OpenAPI description.
import * as assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { ValidateFunction } from 'ajv';
import { startSentryServer, type SentryServer } from '../../../../src/devtools/sentry-server/server';
import { envelopeOf, errorsOf, SentryContract, variantEvent } from './support';

const ORG = '/api/0/organizations/{organization_id_or_slug}';
const PROJECT = '/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}';
const SHA_NEW = 'a'.repeat(40);
const SHA_OLD = 'b'.repeat(40);

describe('local Sentry server', () => {
  let server: SentryServer;
  let contract: SentryContract;
  const now = Date.now() / 1000;

  async function get(path: string, token = server.token): Promise<{ status: number; body: unknown; headers: Headers }> {
    const response = await fetch(server.url + path, { headers: { Authorization: `Bearer ${token}` } });
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  async function post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(server.url + path, { method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  }

  function ingestUrl(query = '') {
    return `${server.url}/api/1/envelope/${query}`;
  }

  const key = () => new URL(server.dsn()).username;

  before(async () => {
    contract = new SentryContract();
    server = await startSentryServer({ port: 0 });
    const created = await post('/api/0/organizations/causelens/releases/', {
      version: 'shop-service@1.1.0',
      projects: ['shop-service'],
      ref: 'main',
      dateReleased: new Date((now - 3600) * 1000).toISOString(),
      commits: [
        { id: SHA_OLD, repository: 'acme/shop', message: 'Add receipts', author_name: 'Ada', author_email: 'ada@example.com', timestamp: new Date((now - 7200) * 1000).toISOString() },
        { id: SHA_NEW, repository: 'acme/shop', message: 'Drop guest customer fallback', author_name: 'Alan', author_email: 'alan@example.com', timestamp: new Date((now - 5400) * 1000).toISOString() },
      ],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const deploy = await post('/api/0/organizations/causelens/releases/shop-service%401.1.0/deploys/', { environment: 'production', name: 'deploy 7', url: 'https://ci.example.com/7' });
    assert.equal(deploy.status, 201, JSON.stringify(deploy.body));
    assertValid(contract.validator(`${ORG}/releases/`, 'post', '201'), created.body);
    assertValid(contract.validator(`${ORG}/releases/{version}/deploys/`, 'post', '201'), deploy.body);
  });

  after(() => server.close());

  function assertValid(validate: ValidateFunction, body: unknown) {
    assert.ok(validate(body), errorsOf(validate));
    // The same answer with one required field renamed must fail: the check is real.
    const sample = Array.isArray(body) ? body[0] : body;
    assert.ok(sample && typeof sample === 'object', 'nothing to check');
    const required = (validate.schema as { required?: string[]; items?: { required?: string[] } });
    const field = (required.required ?? required.items?.required ?? [])[0];
    if (!field) return;
    const renamed = structuredClone(sample) as Record<string, unknown>;
    renamed[`${field}_renamed`] = renamed[field];
    delete renamed[field];
    assert.equal(validate(Array.isArray(body) ? [renamed] : renamed), false, `renaming ${field} went unnoticed`);
  }

  it('ingests envelopes with X-Sentry-Auth, gzip bodies with sentry_key, and groups by type and crash frame', async () => {
    const first = await fetch(ingestUrl(), {
      method: 'POST',
      headers: { 'X-Sentry-Auth': `Sentry sentry_version=7, sentry_key=${key()}, sentry_client=sentry.javascript.node/11.12.0` },
      body: envelopeOf([variantEvent({ eventId: 'e0000000000000000000000000000001', timestamp: now - 120, release: 'shop-service@1.1.0' })], [{ header: { type: 'session' }, payload: '{"sid":"x","status":"ok"}' }]),
    });
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), { id: 'e0000000000000000000000000000001' });
    const big = variantEvent({ eventId: 'e0000000000000000000000000000002', timestamp: now - 60, release: 'shop-service@1.1.0' });
    big.extra = { padding: 'x'.repeat(40 * 1024) };
    const second = await fetch(ingestUrl(`?sentry_key=${key()}&sentry_version=7`), { method: 'POST', headers: { 'Content-Encoding': 'gzip' }, body: gzipSync(envelopeOf([big])) });
    assert.equal(second.status, 200);
    const other = await fetch(ingestUrl(`?sentry_key=${key()}`), { method: 'POST', body: envelopeOf([variantEvent({ eventId: 'e0000000000000000000000000000003', type: 'RangeError' })]) });
    assert.equal(other.status, 200);
    await server.waitForEvents(3, 1000);
    assert.deepEqual(server.store.issues.map((i) => [i.title.split(':')[0], i.events.length]), [['Error', 2], ['RangeError', 1]]);
  });

  it('refuses a wrong DSN key, an unknown project and a malformed envelope', async () => {
    assert.equal((await fetch(ingestUrl('?sentry_key=nope'), { method: 'POST', body: envelopeOf([variantEvent({ eventId: 'x' })]) })).status, 401);
    assert.equal((await fetch(`${server.url}/api/99/envelope/?sentry_key=${key()}`, { method: 'POST', body: envelopeOf([]) })).status, 404);
    assert.equal((await fetch(ingestUrl(`?sentry_key=${key()}`), { method: 'POST', body: '{"event_id":"1"}\n{"type":"event","length":500}\n{}' })).status, 400);
    assert.equal((await fetch(ingestUrl(`?sentry_key=${key()}`), { method: 'POST', headers: { 'Content-Encoding': 'gzip' }, body: 'not gzip' })).status, 400);
    assert.equal(server.store.eventCount(), 3);
  });

  it('lists unresolved issues in the shape of the project issues endpoint', async () => {
    const { status, body } = await get('/api/0/projects/causelens/shop-service/issues/?statsPeriod=24h');
    assert.equal(status, 200);
    assertValid(contract.validator(`${PROJECT}/issues/`), body);
    const issues = body as { id: string; count: string; stats: { '24h': number[][] } }[];
    assert.equal(issues.length, 2);
    assert.equal(typeof issues[0].id, 'string');
    assert.equal(issues.find((i) => i.count === '2')?.stats['24h'].reduce((n, [, c]) => n + c, 0), 2);
  });

  it('serves issue details, the event list and latest/oldest/recommended/by-id events', async () => {
    const issue = server.store.issues[0];
    const detail = await get(`/api/0/organizations/causelens/issues/${issue.id}/`);
    assertValid(contract.validator(`${ORG}/issues/{issue_id}/`), detail.body);
    const events = await get(`/api/0/organizations/causelens/issues/${issue.id}/events/`);
    assertValid(contract.validator(`${ORG}/issues/{issue_id}/events/`), events.body);
    assert.deepEqual((events.body as { eventID: string }[]).map((e) => e.eventID), ['e0000000000000000000000000000002', 'e0000000000000000000000000000001']);
    const eventSchema = contract.validator(`${ORG}/issues/{issue_id}/events/{event_id}/`);
    for (const which of ['latest', 'oldest', 'recommended', 'e0000000000000000000000000000001']) {
      const event = await get(`/api/0/organizations/causelens/issues/${issue.id}/events/${which}/`);
      assert.equal(event.status, 200, which);
      assertValid(eventSchema, event.body);
    }
    const latest = (await get(`/api/0/organizations/causelens/issues/${issue.id}/events/latest/`)).body as { eventID: string; previousEventID: string; release: { version: string; lastCommit: { id: string } } };
    assert.equal(latest.eventID, 'e0000000000000000000000000000002');
    assert.equal(latest.previousEventID, 'e0000000000000000000000000000001');
    assert.equal(latest.release.lastCommit.id, SHA_NEW);
    const byProject = await get('/api/0/projects/causelens/shop-service/events/e0000000000000000000000000000001/');
    assertValid(contract.validator(`${PROJECT}/events/{event_id}/`), byProject.body);
  });

  it("gives event entries the keys of Sentry's own example (the schema leaves entries open)", async () => {
    type Entry = { type: string; data: { values: Record<string, unknown>[] } };
    const example = contract.example(`${ORG}/issues/{issue_id}/events/{event_id}/`) as { entries: Entry[] };
    const ours = (await get(`/api/0/organizations/causelens/issues/${server.store.issues[0].id}/events/latest/`)).body as { entries: Entry[] };
    const keysOf = (entries: Entry[], type: string) => {
      const values = entries.find((e) => e.type === type)!.data.values;
      return { value: Object.keys(values[0]).sort(), frame: Object.keys((values[0].stacktrace as { frames: object[] } | undefined)?.frames?.[0] ?? {}).sort() };
    };
    const missing = (want: string[], have: string[]) => want.filter((k) => !have.includes(k));
    const [theirs, mine] = [keysOf(example.entries, 'exception'), keysOf(ours.entries, 'exception')];
    assert.deepEqual(missing(theirs.value, mine.value), []);
    assert.deepEqual(missing(theirs.frame, mine.frame), []);
    const crumbKeys = Object.keys(example.entries.find((e) => e.type === 'breadcrumbs')!.data.values[0]);
    const big = server.store.issues[0].events.find((e) => e.eventId.endsWith('2'))!;
    big.event.breadcrumbs = [{ timestamp: now, category: 'console', level: 'log', message: 'GET /orders/ord-1002/receipt' }];
    const withCrumbs = (await get(`/api/0/organizations/causelens/issues/${server.store.issues[0].id}/events/latest/`)).body as { entries: Entry[] };
    const crumb = withCrumbs.entries.find((e) => e.type === 'breadcrumbs')!.data.values[0];
    assert.deepEqual(missing(crumbKeys, Object.keys(crumb)), []);
    assert.equal(crumb.timestamp, new Date(now * 1000).toISOString());
  });

  it('serves the event-count series of an issue', async () => {
    const issue = server.store.issues[0];
    const { status, body } = await get(`/api/0/organizations/causelens/events-timeseries/?dataset=errors&query=issue.id:${issue.id}&statsPeriod=1h&interval=60`);
    assert.equal(status, 200);
    assertValid(contract.validator(`${ORG}/events-timeseries/`), body);
    const values = (body as { timeSeries: { values: { value: number }[] }[] }).timeSeries[0].values;
    assert.equal(values.reduce((n, v) => n + v.value, 0), 2);
  });

  it('serves releases, their commits (newest first) and deploys', async () => {
    const release = await get('/api/0/organizations/causelens/releases/shop-service%401.1.0/');
    assertValid(contract.validator(`${ORG}/releases/{version}/`), release.body);
    assert.equal((release.body as { commitCount: number }).commitCount, 2);
    const commits = await get('/api/0/organizations/causelens/releases/shop-service%401.1.0/commits/');
    assertValid(contract.validator(`${ORG}/releases/{version}/commits/`), commits.body);
    assert.deepEqual((commits.body as { id: string }[]).map((c) => c.id), [SHA_NEW, SHA_OLD]);
    const projectCommits = await get('/api/0/projects/causelens/shop-service/releases/shop-service%401.1.0/commits/');
    assertValid(contract.validator(`${PROJECT}/releases/{version}/commits/`), projectCommits.body);
    const deploys = await get('/api/0/organizations/causelens/releases/shop-service%401.1.0/deploys/');
    assertValid(contract.validator(`${ORG}/releases/{version}/deploys/`), deploys.body);
    const list = await get('/api/0/organizations/causelens/releases/');
    assertValid(contract.validator(`${ORG}/releases/`), list.body);
  });

  it('answers 401, 403, 404 and 400 like Sentry', async () => {
    assert.equal((await get('/api/0/projects/causelens/shop-service/issues/', 'wrong')).status, 401);
    assert.equal((await get('/api/0/projects/other-org/shop-service/issues/')).status, 404);
    assert.equal((await get('/api/0/projects/causelens/no-such-project/issues/')).status, 404);
    assert.equal((await get('/api/0/organizations/causelens/issues/999999/')).status, 404);
    assert.equal((await get('/api/0/organizations/causelens/releases/nope/')).status, 404);
    assert.equal((await get('/api/0/projects/causelens/shop-service/issues/?cursor=garbage')).status, 400);
    assert.equal((await post('/api/0/organizations/causelens/releases/', { projects: ['shop-service'] })).status, 400);
    const limited = await startSentryServer({ tokens: { narrow: ['project:read'] } });
    try {
      const response = await fetch(`${limited.url}/api/0/projects/causelens/shop-service/issues/`, { headers: { Authorization: 'Bearer narrow' } });
      assert.equal(response.status, 403);
    } finally {
      await limited.close();
    }
  });
});
