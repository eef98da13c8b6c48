import * as assert from 'node:assert/strict';
import { readIncident } from '../../../../src/core/incident';
import { CauseLensError } from '../../../../src/core/errors';
import { RECORDED_TRACES_DIR, traceFixture } from '../traceFixtures';

// Produced by the real OpenTelemetry JS SDK: test/fixtures/traces/otlp/checkout.mjs (see generate.mjs).
const text = traceFixture('otlp/checkout.otlp.json');
const json = JSON.parse(text) as { resourceSpans: Record<string, unknown>[] };

const isBadInput = (e: unknown) => e instanceof CauseLensError && e.reason === 'bad-input';

describe('OTLP/JSON traces (from the OpenTelemetry SDK)', () => {
  it('picks the deepest span with an exception event and parses its exception.stacktrace', () => {
    const incident = readIncident(text, { fileName: 'checkout.otlp.json' });
    assert.equal(incident.source, 'otlp');
    assert.equal(incident.platform, 'javascript');
    assert.equal(incident.title, "TypeError: Cannot read properties of undefined (reading 'amount')");
    const [crash, caller] = incident.exceptions[0].frames;
    assert.deepEqual([crash.function, crash.file, crash.line], ['priceOf', `file://${RECORDED_TRACES_DIR}/otlp/checkout.mjs`, 19]);
    assert.equal(caller.function, 'handleCreateOrder');
  });

  it('fills the span path from the root through both services, and release/commit from the resource', () => {
    const incident = readIncident(text);
    assert.deepEqual(incident.spanPath?.map((s) => `${s.service}:${s.name}`), ['web:GET /checkout', 'web:POST orders', 'orders:POST /orders', 'orders:price order']);
    assert.ok(incident.spanPath?.every((s) => s.error));
    assert.equal(incident.release, '1.9.3');
    assert.equal(incident.commit, '4f1c2d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e');
    assert.equal(incident.tags?.['service.name'], 'orders');
    assert.match(incident.firstSeen ?? '', /^\d{4}-\d\d-\d\dT/);
  });

  it('reads the collector file exporter form (one export request per line)', () => {
    const lines = json.resourceSpans.map((rs) => JSON.stringify({ resourceSpans: [rs] })).join('\n');
    const incident = readIncident(lines, { fileName: 'traces.jsonl' });
    assert.equal(incident.spanPath?.length, 4);
    assert.equal(incident.exceptions[0].frames[0].function, 'priceOf');
  });

  it('reads the older instrumentationLibrarySpans name of scopeSpans', () => {
    const old = text.replace(/"scopeSpans"/g, '"instrumentationLibrarySpans"');
    assert.equal(readIncident(old).spanPath?.length, 4);
  });

  it('falls back to code.* attributes when the exception has no stack trace', () => {
    const stripped = JSON.parse(text, (key, value) => (value && value.key === 'exception.stacktrace' ? undefined : value));
    stripped.resourceSpans.forEach((rs: { scopeSpans: { spans: { events?: { attributes: unknown[] }[] }[] }[] }) =>
      rs.scopeSpans.forEach((ss) => ss.spans.forEach((s) => s.events?.forEach((e) => (e.attributes = e.attributes.filter(Boolean))))),
    );
    const incident = readIncident(JSON.stringify(stripped));
    assert.deepEqual(incident.exceptions[0].frames, [{ file: 'src/pricing.js', function: 'priceOf', inApp: true }]);
  });

  it('uses an error status when no span recorded an exception, and rejects traces with neither', () => {
    const noEvents = JSON.parse(text, (key, value) => (key === 'events' ? [] : value));
    const incident = readIncident(JSON.stringify(noEvents));
    assert.equal(incident.spanPath?.at(-1)?.name, 'price order');
    assert.equal(incident.exceptions[0].frames[0].file, 'src/pricing.js');
    const healthy = JSON.parse(text, (key, value) => (key === 'events' ? [] : key === 'status' ? { code: 0 } : value));
    assert.throws(() => readIncident(JSON.stringify(healthy)), (e: unknown) => isBadInput(e) && /No span in the trace recorded an exception/.test((e as Error).message));
    assert.throws(() => readIncident('{"resourceSpans": []}'), (e: unknown) => isBadInput(e) && /holds no spans/.test((e as Error).message));
  });

  it('survives a parent cycle in a hand-edited trace', () => {
    const cyclic = JSON.parse(text);
    const spans = cyclic.resourceSpans.flatMap((rs: { scopeSpans: { spans: { name: string; spanId: string; parentSpanId?: string }[] }[] }) => rs.scopeSpans.flatMap((ss) => ss.spans));
    const root = spans.find((s: { name: string }) => s.name === 'GET /checkout');
    root.parentSpanId = spans.find((s: { name: string }) => s.name === 'price order').spanId;
    const incident = readIncident(JSON.stringify(cyclic));
    assert.ok((incident.spanPath?.length ?? 0) <= 4);
  });
});
