// fetchIncident assembles issue + event + stats + release from the REST API into one Incident.
import * as assert from 'node:assert/strict';
import { CauseLensError } from '../../../../src/core/errors';
import { eventCountsFromStats, fetchIncident, SentryClient } from '../../../../src/core/incident/sentry';
import { startSentryServer, type SentryServer } from '../../../../src/devtools/sentry-server/server';
import { variantEvent } from './support';

const RELEASE_SHA = 'c'.repeat(40);

describe('fetchIncident', () => {
  let server: SentryServer;
  let client: SentryClient;
  const now = Date.now() / 1000;

  before(async () => {
    server = await startSentryServer({
      releases: [
        {
          version: 'shop@2.0.0',
          projects: ['shop-service'],
          commits: [{ id: RELEASE_SHA, message: 'Release 2.0.0', timestamp: new Date((now - 7200) * 1000).toISOString() }],
          deploys: [{ environment: 'production', name: 'deploy 12', dateStarted: new Date((now - 3700) * 1000).toISOString(), dateFinished: new Date((now - 3600) * 1000).toISOString() }],
        },
      ],
    });
    client = new SentryClient({ baseUrl: server.url, organization: 'causelens', project: 'shop-service', authToken: server.token });
    for (const [i, ago] of [3000, 1200, 300].entries()) server.store.ingestEvent('1', variantEvent({ eventId: `a${i}`, timestamp: now - ago, release: 'shop@2.0.0' }), 100);
    server.store.ingestEvent('1', variantEvent({ eventId: 'b0', type: 'RangeError', release: 'shop@2.1.0' }), 100);
    server.store.ingestEvent('1', variantEvent({ eventId: 'd0', type: 'SyntaxError', release: RELEASE_SHA.replace(/c/g, 'd') }), 100);
  });
  after(() => server.close());

  it('combines the issue, its event, its event counts and its release commit and deploys', async () => {
    const [issue] = await client.listUnresolvedIssues({ sort: 'freq' });
    const incident = await fetchIncident(client, issue.id);
    assert.equal(incident.source, 'sentry-api');
    assert.equal(incident.id, issue.id);
    assert.equal(incident.title, 'Error: config has no name: {"version": 2}');
    assert.equal(incident.platform, 'javascript');
    assert.equal(incident.exceptions[0].frames[0].function, 'parseConfig');
    assert.equal(incident.exceptions[0].frames[0].line, 5);
    assert.equal(incident.exceptions[0].frames[0].context?.line, "    throw new Error('config has no name: ' + text);");
    assert.equal(incident.firstSeen, new Date((now - 3000) * 1000).toISOString());
    assert.equal(incident.lastSeen, new Date((now - 300) * 1000).toISOString());
    assert.equal(incident.eventCounts?.reduce((n, c) => n + c.count, 0), 3);
    assert.equal(incident.release, 'shop@2.0.0');
    assert.equal(incident.commit, RELEASE_SHA);
    assert.deepEqual(incident.deploys.map((d) => [d.environment, d.name, d.finishedAt]), [['production', 'deploy 12', new Date((now - 3600) * 1000).toISOString()]]);
    assert.deepEqual(incident.warnings, []);
  });

  it('warns when the release has no commits, and takes a commit-hash version as the commit', async () => {
    const issues = await client.listUnresolvedIssues();
    const noCommits = await fetchIncident(client, issues.find((i) => i.title.startsWith('RangeError'))!.id, { event: 'latest' });
    assert.equal(noCommits.commit, undefined);
    assert.match(noCommits.warnings.join('\n'), /no commit associated/);
    const shaVersion = await fetchIncident(client, issues.find((i) => i.title.startsWith('SyntaxError'))!.id);
    assert.equal(shaVersion.commit, 'd'.repeat(40));
  });

  it('passes on a missing issue as not-found', async () => {
    await assert.rejects(fetchIncident(client, '424242'), (e: unknown) => e instanceof CauseLensError && e.reason === 'not-found');
  });

  it('picks the finest stats series that reaches back to first seen', () => {
    const stats = { '24h': [[7200, 1], [10800, 2]] as [number, number][], '30d': [[0, 5], [86400, 0]] as [number, number][] };
    assert.deepEqual(eventCountsFromStats(stats, new Date(8000 * 1000).toISOString())?.map((c) => c.count), [1, 2]);
    assert.deepEqual(eventCountsFromStats(stats, new Date(100 * 1000).toISOString())?.map((c) => c.count), [5, 0]);
    assert.equal(eventCountsFromStats({}, null), undefined);
  });
});
