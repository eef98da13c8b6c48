import * as assert from 'node:assert/strict';
import { readIncident } from '../../../../src/core/incident';
import { traceFixture } from '../traceFixtures';

// Shape of Jaeger's /api/traces/{id} and the UI's "Download JSON" (see test/fixtures/traces/jaeger/README.md).
const text = traceFixture('jaeger/checkout.jaeger.json');

describe('Jaeger JSON traces', () => {
  it('picks the deepest failing span across services and parses its Python traceback', () => {
    const incident = readIncident(text);
    assert.equal(incident.source, 'jaeger');
    assert.equal(incident.platform, 'python');
    assert.equal(incident.title, "KeyError: 'SKU-42'");
    assert.deepEqual(incident.exceptions[0].frames.map((f) => [f.function, f.file, f.line]), [
      ['take', '/usr/src/app/inventory/store.py', 18],
      ['reserve', '/usr/src/app/inventory/api.py', 31],
    ]);
    assert.deepEqual(incident.spanPath?.map((s) => `${s.service}:${s.name}`), ['gateway:GET /cart/checkout', 'gateway:HTTP POST inventory', 'inventory:POST /reserve']);
    assert.equal(incident.release, '3.2.1');
    assert.equal(incident.spanPath?.[0].start, '2024-05-20T10:13:20.000Z');
  });

  it('reads OpenTracing error logs (event=error, error.kind, message) and a bare trace object', () => {
    const doc = JSON.parse(text);
    const trace = doc.data[0];
    trace.spans = trace.spans.filter((s: { processID: string }) => s.processID === 'p1');
    const incident = readIncident(JSON.stringify(trace));
    assert.deepEqual([incident.exceptions[0].type, incident.exceptions[0].message], ['UpstreamError', 'inventory answered 500']);
    assert.equal(incident.exceptions[0].frames.length, 0);
    assert.match(incident.warnings.join(' '), /no stack trace or code location/);
    assert.deepEqual(incident.spanPath?.map((s) => s.name), ['GET /cart/checkout']);
  });
});
