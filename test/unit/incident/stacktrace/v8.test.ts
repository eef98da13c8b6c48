import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readIncident } from '../../../../src/core/incident';
import { parseV8Frame } from '../../../../src/core/incident/stacktrace/v8';
import { RECORDED_TRACES_DIR, traceFixture } from '../traceFixtures';

const frames = (text: string, i = 0) => readIncident(text).exceptions[i].frames.map((f) => [f.function, f.file, f.line, f.column, f.inApp]);

describe('V8 stack text (captured from node on this machine)', () => {
  it('reads a TypeError with a class method, an anonymous callback, `new` and skips native frames', () => {
    const incident = readIncident(traceFixture('node/typeError.js.trace.txt'));
    const file = `${RECORDED_TRACES_DIR}/node/typeError.js`;
    assert.equal(incident.platform, 'javascript');
    assert.equal(incident.title, "TypeError: Cannot read properties of undefined (reading 'email')");
    assert.deepEqual(frames(traceFixture('node/typeError.js.trace.txt')).slice(0, 5), [
      ['UserService.format', file, 5, 38, true],
      [undefined, file, 8, 34, true],
      ['listEmails', file, 8, 14, true],
      ['new Report', file, 10, 37, true],
      ['Object.<anonymous>', file, 11, 1, true],
    ]);
    assert.equal(incident.exceptions[0].frames[5].file, 'node:internal/modules/cjs/loader');
    assert.equal(incident.exceptions[0].frames[5].inApp, false);
  });

  it('reads an ES module error and its `[cause]`, with `async` frames and file:// URLs', () => {
    const incident = readIncident(traceFixture('node/asyncCause.mjs.trace.txt'));
    const url = `file://${RECORDED_TRACES_DIR}/node/asyncCause.mjs`;
    assert.equal(incident.exceptions.length, 2);
    assert.deepEqual([incident.exceptions[0].type, incident.exceptions[0].message], ['Error', 'Could not start the server']);
    assert.deepEqual([incident.exceptions[1].type, incident.exceptions[1].message, incident.exceptions[1].chainedAs], ['SyntaxError', 'Unexpected end of JSON input', 'cause']);
    assert.deepEqual(frames(traceFixture('node/asyncCause.mjs.trace.txt'), 1), [
      ['loadConfig', url, 4, 15, true],
      ['start', url, 8, 5, true],
      [undefined, url, 13, 1, true],
    ]);
  });

  it('reports eval frames at the eval call site and drops the `[as alias]`', () => {
    const f = readIncident(traceFixture('node/evalAs.js.trace.txt')).exceptions[0].frames;
    const file = `${RECORDED_TRACES_DIR}/node/evalAs.js`;
    assert.deepEqual([f[0].function, f[0].file, f[0].line], ['inner', file, 4]);
    assert.deepEqual([f[2].function, f[2].line, f[2].column], ['Object.handle', 4, 21]);
    assert.equal(f[f.length - 1].file, 'node:internal/main/run_main_module');
  });

  it('reads an error thrown from a timer, crash site first', () => {
    const incident = readIncident(traceFixture('node/unhandledRejection.js.trace.txt'));
    assert.equal(incident.exceptions[0].type, 'RangeError');
    assert.deepEqual(incident.exceptions[0].frames.map((f) => f.inApp), [true, false, false]);
  });

  it('reads Windows paths and skips `Promise.all (index 0)`', () => {
    const f = readIncident(traceFixture('published/node-windows.txt')).exceptions[0].frames;
    assert.deepEqual(f.map((x) => [x.function, x.file, x.line]), [
      ['Object.openSync', 'node:fs', 596],
      ['Object.readFileSync', 'node:fs', 464],
      ['loadPrices', 'C:\\shop\\src\\prices.js', 7],
      ['start', 'C:\\shop\\src\\server.js', 12],
    ]);
  });

  it('restores the frames Node elides as "... N lines matching cause stack trace ..."', () => {
    const text = [
      'Error: outer',
      '    at wrap (/app/a.js:10:9)',
      '    at main (/app/a.js:20:3)',
      '    ... 2 lines matching cause stack trace ...',
      '    at last (/app/a.js:40:1) {',
      '  [cause]: Error: inner',
      '      at read (/app/b.js:1:1)',
      '      at main (/app/a.js:20:3)',
      '      at x (/app/a.js:30:1)',
      '      at y (/app/a.js:31:1)',
      '      at last (/app/a.js:40:1)',
      '}',
    ].join('\n');
    assert.deepEqual(readIncident(text).exceptions[0].frames.map((f) => f.function), ['wrap', 'main', 'x', 'y', 'last']);
  });

  it('parses single frame lines of every shape', () => {
    assert.deepEqual(parseV8Frame('async Promise.all (index 0)'), undefined);
    assert.deepEqual(parseV8Frame('Array.map (<anonymous>)'), undefined);
    assert.equal(parseV8Frame('/srv/x.js:3:4')?.file, '/srv/x.js');
    assert.equal(parseV8Frame('Object.<anonymous> (/node_modules/lib/index.js:1:2)')?.inApp, false);
    assert.deepEqual(parseV8Frame('eval (eval at run (eval at boot (/app/x.js:9:1)), <anonymous>:1:1)')?.line, 9);
    assert.equal(parseV8Frame('Foo.bar [as baz] (http://localhost:3000/static/app.js:1:2)')?.function, 'Foo.bar');
  });

  it('takes a browser "Uncaught" header and keeps a multi-line message', () => {
    const incident = readIncident(['Uncaught TypeError: x is not a function', 'second line', '    at go (https://a.example/app.js:1:2)'].join('\n'));
    assert.equal(incident.exceptions[0].type, 'TypeError');
    assert.equal(incident.exceptions[0].message, 'x is not a function\nsecond line');
    const coded = readIncident('RangeError [ERR_OUT_OF_RANGE]: The value of "size" is out of range.\n    at Function.alloc (node:buffer:392:3)\n    at make (/app/src/buf.js:6:14)');
    assert.deepEqual([coded.exceptions[0].type, coded.exceptions[0].message], ['RangeError [ERR_OUT_OF_RANGE]', 'The value of "size" is out of range.']);
    const promise = readIncident('Uncaught (in promise) RangeError: bad\n    at go (https://a.example/app.js:1:2)');
    assert.deepEqual([promise.exceptions[0].type, promise.exceptions[0].message], ['RangeError', 'bad']);
  });

  it('reads an AggregateError printed without frames, with its `[errors]` as members', () => {
    const incident = readIncident(traceFixture('node/aggregate.js.trace.txt'));
    assert.deepEqual(
      incident.exceptions.map((e) => [e.type, e.message, e.groupedIn, e.frames.length]),
      [
        ['AggregateError', 'All promises were rejected', undefined, 0],
        ['Error', 'primary is down', 0, 8],
        ['Error', 'backup is down', 0, 8],
      ],
    );
    assert.equal(incident.exceptions[1].frames[7].file, 'node:internal/main/run_main_module'); // the `,` after it is not part of the location
    assert.equal(incident.exceptions[2].frames[1].column, 37);
  });
});

describe('V8 stacks: a test run with several failures', () => {
  /**
   * Real output of a test runner over a small library with two failing tests (`add` is wrong,
   * `mul` dereferences null), absolute paths replaced by /srv/shop.
   */
  function runFailingTests(testFile: string[], runner: (file: string) => string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'causelens-test-run-'));
    try {
      writeFileSync(join(dir, 'lib.js'), 'function add(a, b) { return a - b; }\nfunction mul(a, b) { return a.value * b; }\nmodule.exports = { add, mul };\n');
      writeFileSync(join(dir, 'lib.test.js'), [...testFile, ''].join('\n'));
      const run = spawnSync(process.execPath, runner('lib.test.js'), { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.notEqual(run.status, 0, 'the tests were meant to fail');
      return run.stdout.replaceAll(dir, '/srv/shop');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('reads mocha\'s report the same way: the first failure, then the others', () => {
    const report = runFailingTests(
      [
        "const assert = require('node:assert');",
        "const { add, mul } = require('./lib');",
        "describe('math', () => {",
        "  it('adds', () => { assert.strictEqual(add(1, 2), 3); });",
        "  it('multiplies', () => { assert.strictEqual(mul(null, 2), 4); });",
        '});',
      ],
      (file) => [require.resolve('mocha/bin/mocha.js'), '--no-config', '--no-colors', file],
    );
    const incident = readIncident(report);
    assert.equal(incident.exceptions[0].type, 'AssertionError [ERR_ASSERTION]');
    assert.equal(`${incident.exceptions[0].frames[0].file}:${incident.exceptions[0].frames[0].line}`, 'lib.test.js:4');
    assert.deepEqual(incident.otherFailures?.map((chain) => chain.map((e) => `${e.type} @ ${e.frames[0].file}:${e.frames[0].line}`)), [['TypeError @ lib.js:2']]);
  });

  it('reads the first failure with its multi-line assert message, and each other failure once', () => {
    // Node's test runner, spec reporter (as on a terminal or with --test-reporter=spec).
    const report = runFailingTests(
      [
        "const test = require('node:test');",
        "const assert = require('node:assert');",
        "const { add, mul } = require('./lib');",
        "test('adds', () => { assert.strictEqual(add(1, 2), 3); });",
        "test('multiplies', () => { assert.strictEqual(mul(null, 2), 4); });",
      ],
      (file) => ['--test', '--test-reporter=spec', file],
    );
    const incident = readIncident(report);
    const [reported] = incident.exceptions;
    assert.equal(reported.type, 'AssertionError [ERR_ASSERTION]');
    assert.match(reported.message, /^Expected values to be strictly equal:\s+-1 !== 3$/);
    assert.equal(`${reported.frames[0].file}:${reported.frames[0].line}`, '/srv/shop/lib.test.js:4');
    assert.deepEqual(incident.otherFailures?.map((chain) => chain.map((e) => `${e.type}: ${e.message} @ ${e.frames[0].file}:${e.frames[0].line}`)), [
      ["TypeError [Error]: Cannot read properties of null (reading 'value') @ /srv/shop/lib.js:2"],
    ]);
    assert.match(incident.warnings.join(' '), /2 separate errors/);
  });

  it("reads Jest's report: a matcher failure is an assertion, code frames are no message, each ● test a failure", () => {
    const report = [
      ' FAIL  test/range.test.js',
      '  ● Range › caret ranges',
      '',
      '    expect(received).toBe(expected) // Object.is equality',
      '',
      '    Expected: true',
      '    Received: false',
      '',
      "       9 |   test('caret ranges', () => {",
      "    > 10 |     expect(satisfies('1.9.0', '^1.2.3')).toBe(true)",
      '         |                                          ^',
      '      11 |   })',
      '',
      '      at Object.toBe (test/range.test.js:10:42)',
      '',
      '  ● Range › tilde ranges',
      '',
      "    TypeError: Cannot read properties of undefined (reading 'major')",
      '',
      "    > 15 |     expect(tilde('1.2.3').major).toBe(1)",
      '         |                          ^',
      '',
      '      at major (lib/range.js:40:18)',
      '      at Object.<anonymous> (test/range.test.js:15:26)',
      '',
      'Tests:       2 failed, 2 total',
    ].join('\n');
    const incident = readIncident(report);
    const [reported] = incident.exceptions;
    assert.equal(reported.type, 'AssertionError');
    assert.equal(reported.message, 'expect(received).toBe(expected) // Object.is equality\nExpected: true\nReceived: false');
    assert.deepEqual(reported.frames.map((f) => `${f.file}:${f.line}`), ['test/range.test.js:10']);
    assert.deepEqual(incident.otherFailures?.map((chain) => chain.map((e) => `${e.type}: ${e.message} @ ${e.frames.map((f) => `${f.file}:${f.line}`).join(' ')}`)), [
      ["TypeError: Cannot read properties of undefined (reading 'major') @ lib/range.js:40 test/range.test.js:15"],
    ]);
  });
});

