import * as assert from 'node:assert/strict';
import { readIncident } from '../../../src/core/incident';
import { CauseLensError } from '../../../src/core/errors';
import { HEAD_FRAMES, TAIL_FRAMES } from '../../../src/core/incident/limits';
import { traceFixture } from './traceFixtures';

const badInput = (pattern: RegExp) => (e: unknown) => e instanceof CauseLensError && e.reason === 'bad-input' && pattern.test(e.message);

function readOrError(text: string, hint?: { fileName?: string }): unknown {
  try {
    return readIncident(text, hint);
  } catch (e) {
    return e;
  }
}

describe('readIncident on bad and huge input', () => {
  it('says what to do with malformed or truncated JSON', () => {
    const otlp = traceFixture('otlp/checkout.otlp.json');
    assert.throws(() => readIncident(otlp.slice(0, otlp.length / 2)), badInput(/not valid JSON .*truncated/));
    assert.throws(() => readIncident('{"exception": ', { fileName: 'event.json' }), badInput(/event\.json is not valid JSON/));
    assert.throws(() => readIncident('[1, 2, 3]'), badInput(/not a format CauseLens reads/));
    assert.throws(() => readIncident('{"hello": "world"}'), badInput(/Sentry event .*OTLP.*Jaeger/));
    assert.throws(() => readIncident('{"data": []}'), badInput(/not a format CauseLens reads/));
  });

  it('rejects empty text and text in no known format', () => {
    assert.throws(() => readIncident(''), badInput(/empty/));
    assert.throws(() => readIncident('the site is down again!!'), badInput(/No stack frames were found/));
    assert.throws(() => readIncident('Traceback (most recent call last):\nKeyError: 1'), badInput(/No stack frames|no frames/));
  });

  it('reads a trace cut off in the middle as far as it goes, with a warning where it can tell', () => {
    const java = traceFixture('java/OrderService.trace.txt');
    const cut = readIncident(java.slice(0, java.indexOf('Caused by: java.lang.NumberFormatException') + 60));
    assert.equal(cut.exceptions.length, 3);
    const python = traceFixture('python/chained.py.trace.txt');
    const head = readIncident(python.split('\n').slice(0, 5).join('\n'));
    assert.match(head.warnings.join(' '), /ends before its exception line/);
    const go = readIncident('panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:5 +0x1d\n');
    assert.equal(go.exceptions[0].frames.length, 1);
  });

  it('keeps the first and last frames of a 100,000-frame trace and warns', () => {
    const lines = ['RangeError: Maximum call stack size exceeded'];
    for (let i = 0; i < 100_000; i++) lines.push(`    at recurse${i} (/app/src/deep.js:${(i % 500) + 1}:7)`);
    const incident = readIncident(lines.join('\n'));
    const frames = incident.exceptions[0].frames;
    assert.equal(frames.length, HEAD_FRAMES + TAIL_FRAMES);
    assert.equal(frames[0].function, 'recurse0');
    assert.equal(frames[frames.length - 1].function, 'recurse99999');
    assert.match(incident.warnings.join(' '), /100000 frames; kept the 150 nearest the crash/);
  });

  it('reads a 50 MB Sentry-style event and a 50 MB stack text without failing', () => {
    const frame = '{"filename":"/app/src/orders/service.js","function":"handle","lineno":12,"colno":3,"in_app":true,"pre_context":["const total = items.reduce((sum, item) => sum + item.price, 0);"]}';
    const frames = `${frame},`.repeat(Math.ceil((51 * 1024 * 1024) / (frame.length + 1)));
    const event = `{"event_id":"${'a'.repeat(32)}","platform":"node","exception":{"values":[{"type":"Error","value":"deep","stacktrace":{"frames":[${frames}${frame}]}}]}}`;
    assert.ok(event.length > 50 * 1024 * 1024, `event is only ${event.length} chars`);
    const incident = readOrError(event);
    if (incident instanceof Error) assert.ok(incident instanceof CauseLensError, `threw ${incident.name}: ${incident.message}`);
    else assert.ok((incident as { exceptions: { frames: unknown[] }[] }).exceptions[0].frames.length <= HEAD_FRAMES + TAIL_FRAMES);

    const big = `Error: big\n${'    at f (/app/a.js:1:1)\n'.repeat(2_100_000)}`;
    assert.ok(big.length > 50 * 1024 * 1024);
    const text = readIncident(big);
    assert.equal(text.exceptions[0].frames.length, HEAD_FRAMES + TAIL_FRAMES);
    assert.match(text.warnings.join(' '), /only its first and last/);
  });

  it('never throws anything but a CauseLensError on hostile text', () => {
    const samples = [
      '\u0000\u0001\u0002',
      '{'.repeat(100_000),
      '['.repeat(10_000) + ']'.repeat(10_000),
      `    at ${'('.repeat(50_000)}`,
      `File "${'"'.repeat(20_000)}", line 1, in x`,
      'goroutine 1 [running]:\n' + '\t/x.go:1 +0x1\n'.repeat(1000),
      'Caused by: x\n\t... 99999 more\n\tat a.B.c(D.java:1)',
      'Exception in thread "main" java.lang.Error\n\tat a.B.c(D.java:1)\n\t... 5 more\nCaused by: java.lang.X\n\t... 9 more',
      '#0 {main}\n  thrown in x on line 1',
      `Exception in thread "main" java.lang.Error\n\tat a.B.c(D.java:1)\n${'\t... 99 more\n'.repeat(200_000)}`,
      '@'.repeat(10_000) + ':1:1',
      `${'a'.repeat(100_000)}:1:in 'x': y (Z)`,
    ];
    for (const sample of samples) {
      const result = readOrError(sample);
      if (result instanceof Error) assert.ok(result instanceof CauseLensError, `${sample.slice(0, 40)} threw ${result.name}: ${result.message}`);
    }
  });
});
