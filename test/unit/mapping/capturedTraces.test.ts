// End to end on real output: traces captured from node, python3 and java (test/fixtures/traces)
// are read and mapped onto this repository's own tracked files, wherever it is checked out.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readIncident } from '../../../src/core/incident';
import { loadWorkspace, mapIncident, type Workspace } from '../../../src/core/mapping';
import { TRACES_DIR, traceFixture } from '../incident/traceFixtures';

describe('captured traces mapped onto this repository', () => {
  let workspace: Workspace;
  before(async () => {
    workspace = await loadWorkspace([path.resolve(TRACES_DIR, '../../..')]);
  });

  const crashSite = (fixture: string, exception = 0) => {
    const mapped = mapIncident(readIncident(traceFixture(fixture)), workspace).filter((m) => m.exceptionIndex === exception);
    return mapped[0];
  };

  it('maps Node frames (plain paths and file:// URLs) to the crashing programs', () => {
    const typeError = crashSite('node/typeError.js.trace.txt');
    assert.deepEqual([typeError.path, typeError.line, typeError.column], ['test/fixtures/traces/node/typeError.js', 5, 38]);
    assert.ok(typeError.confidence >= 0.85, typeError.reason);
    const cause = crashSite('node/asyncCause.mjs.trace.txt', 1);
    assert.deepEqual([cause.path, cause.line], ['test/fixtures/traces/node/asyncCause.mjs', 4]);
  });

  it('maps Python frames of every exception in the chain and leaves the standard library unmapped', () => {
    const mapped = mapIncident(readIncident(traceFixture('python/chained.py.trace.txt')), workspace);
    assert.ok(mapped.every((m) => m.path === 'test/fixtures/traces/python/chained.py'));
    assert.deepEqual(mapped.map((m) => [m.exceptionIndex, m.line]), [[0, 21], [0, 24], [1, 14], [1, 19], [2, 6], [2, 12]]);
    const stdlib = mapIncident(readIncident(traceFixture('python/stdlib_error.py.trace.txt')), workspace);
    assert.deepEqual(stdlib.map((m) => m.path ?? null).slice(0, 4), [null, null, null, 'test/fixtures/traces/python/stdlib_error.py']);
  });

  it('maps Java frames through package and class to the source file, inner classes included', () => {
    const mapped = mapIncident(readIncident(traceFixture('java/OrderService.trace.txt')), workspace);
    const parse = mapped.find((m) => m.frame.module === 'com.example.shop.OrderService$PriceParser');
    assert.deepEqual([parse?.path, parse?.line], ['test/fixtures/traces/java/src/com/example/shop/OrderService.java', 7]);
    assert.ok((parse?.confidence ?? 0) >= 0.85);
    assert.ok(mapped.filter((m) => m.frame.module?.startsWith('java.')).every((m) => m.path === undefined));
  });
});
