// The REST client against the local Sentry server over real sockets: cursor pagination,
// Retry-After, back-off, timeouts, cancellation, and errors that say what to fix.
import * as assert from 'node:assert/strict';
import { CauseLensError, type CauseLensErrorReason } from '../../../../src/core/errors';
import { SentryClient, type SentryClientOptions } from '../../../../src/core/incident/sentry';
import { startSentryServer, type SentryServer } from '../../../../src/devtools/sentry-server/server';
import { variantEvent } from './support';

function rejectsWith(reason: CauseLensErrorReason, message?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof CauseLensError, `not a CauseLensError: ${String(error)}`);
    assert.equal(error.reason, reason, error.message);
    if (message) assert.match(error.message, message);
    return true;
  };
}

describe('Sentry REST client', () => {
  let server: SentryServer;
  const commits = Array.from({ length: 250 }, (_, i) => ({ id: i.toString(16).padStart(40, '0'), message: `change ${i}`, timestamp: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() }));

  const client = (options: Partial<SentryClientOptions> = {}) =>
    new SentryClient({ baseUrl: server.url, organization: 'causelens', project: 'shop-service', authToken: server.token, retryBaseDelayMs: 5, ...options });
  const requestsTo = (part: string) => server.requests.filter((r) => r.path.includes(part));

  before(async () => {
    server = await startSentryServer({ releases: [{ version: 'big@1.0.0', projects: ['shop-service'], commits }] });
    for (let i = 0; i < 120; i++) server.store.ingestEvent('1', variantEvent({ eventId: `ev${i}`, type: `Error${i}` }), 100);
  });
  after(() => server.close());
  beforeEach(() => {
    server.faults.clear();
    server.requests.length = 0;
  });

  it('follows Link cursors over several pages', async () => {
    const all = await client().listReleaseCommits('big@1.0.0');
    assert.equal(all.length, 250);
    assert.equal(new Set(all.map((c) => c.id)).size, 250);
    assert.equal(all[0].id, commits[249].id, 'newest first');
    assert.deepEqual(requestsTo('/commits/').map((r) => new URL(r.path, server.url).searchParams.get('cursor')), [null, '0:100:0', '0:200:0']);
    const issues = await client().listUnresolvedIssues();
    assert.equal(issues.length, 120);
    assert.equal(requestsTo('/issues/').length, 2);
    assert.equal((await client().listReleaseCommits('big@1.0.0', { maxPages: 1 })).length, 100);
  });

  it('waits for Retry-After after a 429, then succeeds', async () => {
    server.faults.add([{ pathIncludes: '/issues/4001/', status: 429, retryAfter: 1, times: 1 }]);
    const issue = await client().getIssue('4001');
    assert.equal(issue.id, '4001');
    assert.deepEqual(requestsTo('/issues/4001/').map((r) => r.status), [429, 200]);
  });

  it('gives up at once when Retry-After is longer than it may wait', async () => {
    server.faults.add([{ pathIncludes: '/issues/4001/', status: 429, retryAfter: 3600 }]);
    await assert.rejects(client({ maxRetryDelayMs: 5000 }).getIssue('4001'), rejectsWith('rate-limited', /wait 3600 s/));
    assert.equal(requestsTo('/issues/4001/').length, 1);
  });

  it('retries a 500 with back-off and succeeds', async () => {
    server.faults.add([{ pathIncludes: '/issues/4001/', status: 500, times: 2 }]);
    assert.equal((await client().getIssue('4001')).id, '4001');
    assert.deepEqual(requestsTo('/issues/4001/').map((r) => r.status), [500, 500, 200]);
  });

  it('fails with server-error when 5xx persists, after a bounded number of tries', async () => {
    server.faults.add([{ pathIncludes: '/issues/4001/', status: 503 }]);
    await assert.rejects(client({ maxRetries: 2 }).getIssue('4001'), rejectsWith('server-error', /HTTP 503/));
    assert.equal(requestsTo('/issues/4001/').length, 3);
  });

  it('explains 401, 403 and 404 in terms of token scopes, slugs and base URL', async () => {
    await assert.rejects(client({ authToken: 'expired' }).getIssue('4001'), rejectsWith('unauthorized', /event:read.*project:read.*SENTRY_AUTH_TOKEN/));
    await assert.rejects(client({ organization: 'acme-typo' }).getIssue('4001'), rejectsWith('not-found', /organization slug "acme-typo".*base URL/));
    await assert.rejects(client({ project: 'shop-servce' }).listUnresolvedIssues(), rejectsWith('not-found', /project slug "shop-servce"/));
    await assert.rejects(client().getIssue('123456789'), rejectsWith('not-found', /issue 123456789/));
    const narrow = await startSentryServer({ tokens: { narrow: ['project:read'] } });
    try {
      const narrowClient = new SentryClient({ baseUrl: narrow.url, organization: 'causelens', project: 'shop-service', authToken: 'narrow' });
      await assert.rejects(narrowClient.listUnresolvedIssues(), rejectsWith('forbidden', /event:read/));
    } finally {
      await narrow.close();
    }
  });

  it('times out a stalled request with a timeout error', async () => {
    server.faults.add([{ pathIncludes: '/issues/4001/', stallMs: 5000 }]);
    await assert.rejects(client({ timeoutMs: 200 }).getIssue('4001'), rejectsWith('timeout', /did not answer issue 4001/));
  });

  it('stops when cancelled, during a request or while waiting to retry', async () => {
    server.faults.add([{ pathIncludes: '/issues/4001/', stallMs: 5000, times: 1 }]);
    const during = new AbortController();
    const pending = client().getIssue('4001', { signal: during.signal });
    setTimeout(() => during.abort(), 50);
    await assert.rejects(pending, rejectsWith('cancelled'));
    server.faults.add([{ pathIncludes: '/issues/4001/', status: 429, retryAfter: 20, times: 1 }]);
    const whileWaiting = new AbortController();
    const waiting = client({ signal: whileWaiting.signal }).getIssue('4001');
    setTimeout(() => whileWaiting.abort(), 100);
    await assert.rejects(waiting, rejectsWith('cancelled'));
  });

  it('reports an unreachable server and a bad base URL clearly', async () => {
    const gone = await startSentryServer();
    const url = gone.url;
    await gone.close();
    await assert.rejects(new SentryClient({ baseUrl: url, organization: 'o', authToken: 't', retryBaseDelayMs: 1, maxRetries: 1 }).getIssue('1'), rejectsWith('server-error', /Could not reach Sentry/));
    assert.throws(() => new SentryClient({ baseUrl: 'sentry.io', organization: 'o', authToken: 't' }), rejectsWith('bad-input', /not a URL/));
    assert.throws(() => new SentryClient({ baseUrl: 'https://sentry.io', organization: 'o', authToken: '' }), rejectsWith('unauthorized', /SENTRY_AUTH_TOKEN/));
  });

  it('reads the event-count series of an issue', async () => {
    const counts = await client().getIssueEventCounts('4001', { statsPeriod: '24h', intervalSeconds: 3600 });
    assert.ok(counts.length >= 24);
    assert.equal(counts.reduce((n, c) => n + c.count, 0), 1);
    assert.match(counts[0].time, /^\d{4}-\d\d-\d\dT/);
  });
});
