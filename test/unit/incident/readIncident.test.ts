import * as assert from 'node:assert/strict';
import { CauseLensError } from '../../../src/core/errors';
import { readIncident } from '../../../src/core/incident';

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
});
