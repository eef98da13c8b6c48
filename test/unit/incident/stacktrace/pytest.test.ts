// pytest's failure reports, recorded from pytest on this machine in its three traceback styles:
// each failing test is a failure, the first one reported; chained exceptions; frames with their
// functions and failing lines, crash site first.

import * as assert from 'node:assert/strict';
import { readIncident } from '../../../../src/core/incident';
import { RECORDED_TRACES_DIR, traceFixture } from '../traceFixtures';

const frames = (e: { frames: { file: string; line?: number; function?: string }[] }) => e.frames.map((f) => `${f.file}:${f.line} ${f.function ?? '?'}`);

describe('pytest reports (captured from pytest on this machine)', () => {
  for (const style of ['long', 'short']) {
    it(`reads --tb=${style}: the first failing test with its cause, the others as further failures`, () => {
      const incident = readIncident(traceFixture(`pytest/${style}.trace.txt`));
      assert.equal(incident.platform, 'python');
      assert.deepEqual(incident.exceptions.map((e) => [e.type, e.message, e.chainedAs]), [['ValueError', 'config has no name', undefined], ['KeyError', "'name'", 'cause']]);
      assert.deepEqual(frames(incident.exceptions[0]), ['tests/test_chain.py:8 read_config', 'tests/test_chain.py:12 test_read_config']);
      assert.deepEqual(frames(incident.exceptions[1]), ['pkg/paths.py:13 load', 'tests/test_chain.py:6 read_config']);
      assert.equal(incident.exceptions[1].frames[0].context?.line, "return cfg['name'].upper()");
      const others = incident.otherFailures ?? [];
      assert.deepEqual(others.map((chain) => chain.map((e) => e.type)), [['AssertionError'], ['KeyError']]);
      assert.match(others[0][0].message, /^assert '\.\/c\/d\.h' == '\.\.\/c\/d\.h'/);
      assert.deepEqual(frames(others[0][0]), ['tests/test_paths.py:5 test_relative_path']);
      assert.equal(others[0][0].frames[0].context?.line, "assert relative_path('/a/b/c/d.h', '/a/b/e') == '../c/d.h'");
      assert.deepEqual(frames(others[1][0]), ['pkg/paths.py:13 load', 'tests/test_paths.py:10 test_load_name']);
    });
  }

  it('reads --tb=line: one located line per failing test', () => {
    const incident = readIncident(traceFixture('pytest/line.trace.txt'));
    assert.deepEqual(incident.exceptions.map((e) => e.type), ['ValueError', 'KeyError']);
    assert.deepEqual(frames(incident.exceptions[0]), [`${RECORDED_TRACES_DIR}/pytest/tests/test_chain.py:8 ?`]);
    assert.deepEqual((incident.otherFailures ?? []).map((chain) => frames(chain[0])), [[`${RECORDED_TRACES_DIR}/pytest/tests/test_paths.py:5 ?`], [`${RECORDED_TRACES_DIR}/pytest/pkg/paths.py:13 ?`]]);
  });

  it('types a bare assert by its location line and keeps a cut report readable', () => {
    const text = ['___ test_total ___', '', '    def test_total():', '>       assert total([1, 2]) == 4', 'E       assert 3 == 4', 'E        +  where 3 = total([1, 2])', '', 'tests/test_cart.py:7: AssertionError', '___ test_tax ___', '    def test_tax():', '>       assert tax(10'].join('\n');
    const incident = readIncident(text);
    assert.deepEqual(incident.exceptions.map((e) => [e.type, e.message]), [['AssertionError', 'assert 3 == 4\n+  where 3 = total([1, 2])']]);
    assert.deepEqual(frames(incident.exceptions[0]), ['tests/test_cart.py:7 test_total']);
    assert.equal(incident.otherFailures, undefined, 'the cut second test has no location, so no frame');
  });
});
