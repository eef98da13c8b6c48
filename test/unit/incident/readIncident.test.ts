import * as assert from 'node:assert/strict';
import { CauseLensError } from '../../../src/core/errors';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readIncident } from '../../../src/core/incident';
import { TRACES_DIR } from './traceFixtures';

const sentryFixture = (name: string) => readFileSync(path.join(TRACES_DIR, '..', 'sentry', name), 'utf8');

describe('readIncident (V8 text)', () => {
  it('reads the exception and frames of a Node stack trace', () => {
    const incident = readIncident(
      [
        "TypeError: Cannot read properties of undefined (reading 'email')",
        '    at formatUser (/app/src/users.js:12:20)',
        '    at Array.map (<anonymous>)',
        '    at listUsers (/app/src/users.js:30:5)',
        '    at Module._compile (node:internal/modules/cjs/loader:1521:14)',
      ].join('\n'),
    );
    assert.equal(incident.exceptions[0].type, 'TypeError');
    assert.equal(incident.exceptions[0].message, "Cannot read properties of undefined (reading 'email')");
    assert.deepEqual(
      incident.exceptions[0].frames.map((f) => [f.function, f.file, f.line, f.inApp]),
      [
        ['formatUser', '/app/src/users.js', 12, true],
        ['listUsers', '/app/src/users.js', 30, true],
        ['Module._compile', 'node:internal/modules/cjs/loader', 1521, false],
      ],
    );
  });

  it('rejects empty input and text without frames with a bad-input error', () => {
    assert.throws(() => readIncident('  \n '), (e: unknown) => e instanceof CauseLensError && e.reason === 'bad-input');
    assert.throws(() => readIncident('hello world'), (e: unknown) => e instanceof CauseLensError && e.reason === 'bad-input');
  });

  it('sends JSON to the Sentry, OTLP or Jaeger reader by its shape, whatever the file is called', () => {
    assert.equal(readIncident(sentryFixture('node-sdk-event.json')).source, 'sentry-event');
    assert.equal(readIncident(sentryFixture('api-event-python-chained.json'), { fileName: 'event.txt' }).platform, 'python');
    assert.equal(readIncident(`\n  ${sentryFixture('node-sdk-event.json')}`).exceptions.length > 0, true);
  });

  it('reads stack text that happens to start with a bracket, and refuses broken JSON named .json', () => {
    const bracketed = readIncident('[2024-05-01T12:00:00Z] ERROR unhandled\nTypeError: boom\n    at run (/app/src/a.js:1:2)');
    assert.equal(bracketed.exceptions[0].type, 'TypeError');
    assert.throws(
      () => readIncident('TypeError: boom\n    at run (/app/src/a.js:1:2)', { fileName: 'trace.json' }),
      (e: unknown) => e instanceof CauseLensError && e.reason === 'bad-input' && /trace\.json is not valid JSON/.test(e.message),
    );
  });
});
