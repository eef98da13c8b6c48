// node:test's reports, recorded from `node --test` on this machine with its TAP reporter (its
// default when the output is not a terminal, up to Node 22) and its spec reporter: each failing
// test with a stack is a failure, the first one reported, whichever reporter printed it.

import * as assert from 'node:assert/strict';
import { readIncident } from '../../../../src/core/incident';
import { CauseLensError } from '../../../../src/core/errors';
import { RECORDED_TRACES_DIR, traceFixture } from '../traceFixtures';

const inApp = (e: { frames: { file: string; line?: number; inApp: boolean }[] }) => e.frames.filter((f) => f.inApp).map((f) => `${f.file.replace(`${RECORDED_TRACES_DIR}/node-test/`, '')}:${f.line}`);

describe('node:test reports (captured from node --test on this machine)', () => {
  for (const reporter of ['tap', 'spec']) {
    it(`reads the ${reporter} reporter: the first failing test, the others with a stack as further failures`, () => {
      const incident = readIncident(traceFixture(`node-test/${reporter}.trace.txt`));
      assert.equal(incident.platform, 'javascript');
      assert.deepEqual(incident.exceptions.map((e) => [e.type, e.message]), [['AssertionError [ERR_ASSERTION]', 'Expected values to be strictly equal:\n2 !== 3']]);
      assert.deepEqual(inApp(incident.exceptions[0]), ['test/cart.test.js:6']);
      // The suite's failure and the thrown string carry no stack; the spec reporter's summary repeats the rest.
      const others = incident.otherFailures ?? [];
      assert.deepEqual(others.map((chain) => chain.length), [1, 1]);
      assert.equal(others[0][0].message, "Cannot read properties of undefined (reading 'amount')");
      assert.match(others[1][0].message, /^Expected values to be strictly deep-equal:\n\+ actual - expected\n {2}\{\n\+ {3}a: 1\n- {3}a: 2/);
      assert.match(others[0][0].type, /^TypeError/);
      assert.deepEqual(inApp(others[0][0]), ['lib/cart.js:2', 'lib/cart.js:2', 'test/cart.test.js:9']);
      assert.deepEqual(inApp(others[1][0]), ['test/cart.test.js:15']);
    });
  }

  it('says clearly when a TAP report holds no failure with a stack, and skips a block cut off', () => {
    const passing = ['TAP version 13', '# Subtest: adds', 'ok 1 - adds', '  ---', '  duration_ms: 0.5', '  ...', '1..1'].join('\n');
    assert.throws(() => readIncident(passing), (e: unknown) => e instanceof CauseLensError && e.reason === 'bad-input');
    const cut = ['TAP version 13', 'not ok 1 - adds', '  ---', "  error: 'boom'", '  stack: |-', '    add (/app/src/add.js:2:9)'].join('\n');
    assert.throws(() => readIncident(cut), (e: unknown) => e instanceof CauseLensError && e.reason === 'bad-input');
    const broken = ['TAP version 13', 'not ok 1 - adds', '  ---', '  error: [unclosed', '  ...', 'not ok 2 - subtracts', '  ---', "  error: 'off by one'", "  name: 'RangeError'", '  stack: |-', '    sub (/app/src/sub.js:4:3)', '  ...'].join('\n');
    const incident = readIncident(broken);
    assert.deepEqual(incident.exceptions.map((e) => [e.type, e.message, inApp(e)]), [['RangeError', 'off by one', ['/app/src/sub.js:4']]]);
  });
});
