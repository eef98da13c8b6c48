// End to end: the demo shop service crashes for real under the real @sentry/node SDK, the local
// Sentry server ingests it, and the REST client turns the issue into an Incident whose frames map
// onto the service's own files and lines.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchIncident, SentryClient } from '../../../../src/core/incident/sentry';
import { loadWorkspace, mapIncident } from '../../../../src/core/mapping';
import { startSentryServer, type SentryServer } from '../../../../src/devtools/sentry-server/server';
import { REPO_ROOT } from './support';

interface CrashRun {
  exitCode: number | null;
  stderr: string;
}
// Plain CommonJS beside the demo, shared with the demo script.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runShopServiceCrash } = require(join(REPO_ROOT, 'demo/run-shop-service.js')) as {
  runShopServiceCrash(options: { dsn: string; serviceDir: string; release: string }): Promise<CrashRun>;
};

function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text));
  assert.ok(index >= 0, `${text} not in ${file}`);
  return index + 1;
}

describe('demo shop service → local Sentry → Incident (end to end)', function () {
  this.timeout(60_000);
  let server: SentryServer;
  let serviceDir: string;

  before(async () => {
    serviceDir = mkdtempSync(join(tmpdir(), 'causelens-shop-'));
    cpSync(join(REPO_ROOT, 'demo/shop-service'), serviceDir, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', ...args], { cwd: serviceDir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'shop service');
    server = await startSentryServer();
  });

  after(async () => {
    await server?.close();
    rmSync(serviceDir, { recursive: true, force: true });
  });

  it('captures the crash and rebuilds it as an Incident mapped onto the service source', async () => {
    const run = await runShopServiceCrash({ dsn: server.dsn(), serviceDir, release: 'shop-service@1.0.0' });
    assert.equal(run.exitCode, 1, run.stderr);
    await server.waitForEvents(1, 10_000);

    const client = new SentryClient({ baseUrl: server.url, organization: server.organization, project: 'shop-service', authToken: server.token });
    const issues = await client.listUnresolvedIssues();
    assert.equal(issues.length, 1);
    const incident = await fetchIncident(client, issues[0].id);

    const [exception] = incident.exceptions;
    assert.equal(exception.type, 'TypeError');
    assert.equal(exception.message, "Cannot read properties of undefined (reading 'email')");
    assert.equal(exception.mechanism, 'auto.node.onuncaughtexception');
    assert.equal(incident.release, 'shop-service@1.0.0');
    assert.equal(incident.environment, 'production');
    assert.equal(incident.eventCounts?.reduce((n, c) => n + c.count, 0), 1);

    const receiptLine = lineOf(join(serviceDir, 'src/receipts.js'), 'order.customer.email');
    const handlerLine = lineOf(join(serviceDir, 'src/server.js'), 'renderReceipt(order)');
    const inApp = exception.frames.filter((f) => f.inApp);
    assert.deepEqual(inApp.map((f) => [f.file, f.function, f.line]), [
      [join(serviceDir, 'src/receipts.js'), 'renderReceipt', receiptLine],
      [join(serviceDir, 'src/server.js'), 'Server.handleRequest', handlerLine],
    ]);
    assert.equal(exception.frames[0], inApp[0], 'the crash site comes first');
    assert.match(inApp[0].context?.line ?? '', /order\.customer\.email/);
    assert.ok(exception.frames.slice(2).every((f) => !f.inApp), 'SDK and runtime frames are not in-app');

    const workspace = await loadWorkspace([serviceDir]);
    const mapped = mapIncident(incident, workspace).filter((m) => m.frame.inApp);
    assert.deepEqual(mapped.map((m) => [m.path, m.line]), [
      ['src/receipts.js', receiptLine],
      ['src/server.js', handlerLine],
    ]);
    assert.ok(mapped.every((m) => m.confidence > 0.5), JSON.stringify(mapped.map((m) => m.reason)));
  });
});
