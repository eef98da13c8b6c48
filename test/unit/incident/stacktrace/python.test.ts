import * as assert from 'node:assert/strict';
import { readIncident } from '../../../../src/core/incident';
import { RECORDED_TRACES_DIR, traceFixture } from '../traceFixtures';

describe('Python tracebacks (captured from python3 on this machine)', () => {
  it('reads a chain of a direct cause and a during-handling context, newest first', () => {
    const incident = readIncident(traceFixture('python/chained.py.trace.txt'));
    assert.equal(incident.platform, 'python');
    assert.deepEqual(
      incident.exceptions.map((e) => [e.type, e.message, e.chainedAs]),
      [
        ['RuntimeError', 'server failed to start', undefined],
        ['ValueError', 'config has no port', 'context'],
        ['KeyError', "'port'", 'cause'],
      ],
    );
    const keyError = incident.exceptions[2].frames;
    assert.deepEqual(keyError.map((f) => [f.function, f.line]), [['read_port', 6], ['load', 12]]);
    assert.equal(keyError[0].context?.line, 'return config["port"]');
  });

  it('puts the crash site first and marks the standard library as not in-app', () => {
    const frames = readIncident(traceFixture('python/stdlib_error.py.trace.txt')).exceptions[0].frames;
    assert.deepEqual(frames.map((f) => [f.function, f.inApp]), [
      ['raw_decode', false],
      ['decode', false],
      ['loads', false],
      ['parse', true],
      ['<module>', true],
    ]);
    assert.equal(frames[3].file, `${RECORDED_TRACES_DIR}/python/stdlib_error.py`);
  });

  it('skips the caret and tilde marker lines', () => {
    const frames = readIncident(traceFixture('python/zero.py.trace.txt')).exceptions[0].frames;
    assert.deepEqual(frames.map((f) => [f.function, f.line, f.context?.line]), [
      ['ratio', 5, 'return hits / total'],
      ['<dictcomp>', 9, 'return {name: ratio(h, t) for name, (h, t) in stats.items()}'],
      ['report', 9, 'return {name: ratio(h, t) for name, (h, t) in stats.items()}'],
      ['<module>', 12, 'report({"a": (1, 2), "b": (3, 0)})'],
    ]);
  });

  it('reads a SyntaxError block as the crash site', () => {
    const incident = readIncident(traceFixture('python/syntax_error.py.trace.txt'));
    assert.equal(incident.title, "SyntaxError: '(' was never closed");
    const [site, importer] = incident.exceptions[0].frames;
    assert.deepEqual([site.file, site.line, site.function, site.context?.line], [`${RECORDED_TRACES_DIR}/python/syntax_mod/broken.py`, 1, undefined, 'def handler(request:']);
    assert.equal(importer.function, '<module>');
  });

  it('reads a SyntaxError printed without a Traceback header, and marks frozen and site-packages frames', () => {
    const bare = readIncident(['  File "/app/main.py", line 3', '    def f(:', '          ^', 'SyntaxError: invalid syntax'].join('\n'));
    assert.deepEqual(bare.exceptions[0].frames.map((f) => [f.file, f.line]), [['/app/main.py', 3]]);
    const libs = readIncident(
      [
        'Traceback (most recent call last):',
        '  File "<frozen runpy>", line 198, in _run_module_as_main',
        '  File "/venv/lib/python3.12/site-packages/flask/app.py", line 1498, in __call__',
        '  File "/app/views.py", line 7, in index',
        'KeyError: 1',
      ].join('\n'),
    );
    assert.deepEqual(libs.exceptions[0].frames.map((f) => f.inApp), [true, false, false]);
  });

  it('reports the last of several unrelated tracebacks and keeps the others as other failures, nearest first', () => {
    const one = ['Traceback (most recent call last):', '  File "/app/a.py", line 1, in <module>', 'ValueError: a'];
    const two = ['FAIL: test_b (tests.B)', 'Traceback (most recent call last):', '  File "/app/b.py", line 2, in test_b', 'AssertionError: b', '', 'During handling of the above exception, another exception occurred:', '', 'Traceback (most recent call last):', '  File "/app/c.py", line 3, in test_b', 'RuntimeError: c'];
    const three = ['=====', 'FAIL: test_d (tests.D)', 'Traceback (most recent call last):', '  File "/app/d.py", line 4, in test_d', 'KeyError: d'];
    const incident = readIncident([...one, '', ...two, '', ...three].join('\n'));
    assert.deepEqual(incident.exceptions.map((e) => e.type), ['KeyError']);
    assert.deepEqual(incident.otherFailures?.map((chain) => chain.map((e) => `${e.type}:${e.frames[0].line}`)), [['RuntimeError:3', 'AssertionError:2'], ['ValueError:1']]);
    assert.match(incident.warnings.join(' '), /3 separate tracebacks/);
  });

  it('reads an ExceptionGroup and puts its members after it, marked as its members', () => {
    const incident = readIncident(traceFixture('python/group.py.trace.txt'));
    assert.deepEqual(
      incident.exceptions.map((e) => [e.type, e.message, e.groupedIn]),
      [
        ['ExceptionGroup', 'checkout failed (2 sub-exceptions)', undefined],
        ['ValueError', 'card 4242 declined', 0],
        ['KeyError', "'SKU-1'", 0],
      ],
    );
    assert.deepEqual(incident.exceptions[1].frames.map((f) => [f.function, f.line]), [['charge', 5], ['checkout', 16]]);
    assert.deepEqual(incident.exceptions[0].frames.map((f) => f.function), ['checkout', '<module>']);
  });

  it('ignores terminal colour codes (Python 3.13 colours its tracebacks)', () => {
    const coloured = traceFixture('python/zero.py.trace.txt').replace(/ZeroDivisionError/, '\x1b[1;35mZeroDivisionError\x1b[0m').replace(/line 5/, '\x1b[35mline 5\x1b[0m');
    const incident = readIncident(coloured);
    assert.equal(incident.exceptions[0].type, 'ZeroDivisionError');
    assert.equal(incident.exceptions[0].frames[0].line, 5);
  });
});
