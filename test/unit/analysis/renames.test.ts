import * as assert from 'node:assert/strict';
import { evaluateHypothesis, type CandidateFile, type HypothesisContext } from '../../../src/core/analysis/hypothesis';
import { renamedOnly } from '../../../src/core/analysis/renames';

const file = (path: string, removed: string[], added: string[]): CandidateFile => ({ path, binary: false, removed, added });
const none = new Set<string>();

describe('commits that only rename', () => {
  it('sees a local renamed throughout, and a literal pulled out into a constant', () => {
    const local = file('src/ConfigBinder.java', ['        String raw = values.get(key);', '        if (raw == null) {', '        return Integer.parseInt(raw);'], ['        String rawValue = values.get(key);', '        if (rawValue == null) {', '        return Integer.parseInt(rawValue);']);
    assert.equal(renamedOnly([local], none), 'raw to rawValue');
    const constant = file('src/ConfigBinder.java', ['        b.port(intOption(values, "listen.port", 8080));'], ['    private static final String LISTEN_PORT = "listen.port";', '', '        b.port(intOption(values, LISTEN_PORT, 8080));']);
    assert.equal(renamedOnly([constant, file('CHANGELOG.md', [], ['- tidy'])], none), '"listen.port" to LISTEN_PORT');
    const python = file('app/totals.py', ['    for item in items:', '        total += item.price'], ['    for line in items:', '        total += line.price']);
    assert.equal(renamedOnly([python], none), 'item to line');
  });

  it('does not take a change of what runs for a rename', () => {
    const once = file('src/PluginResult.java', ['        encodedMessage = message.toString();'], ['        strMessage = message.toString();']);
    assert.equal(renamedOnly([once], none), undefined, 'one place only: another variable written');
    const inconsistent = file('a.java', ['  int a = b;', '  return a;'], ['  int c = b;', '  return d;']);
    assert.equal(renamedOnly([inconsistent], none), undefined);
    const value = file('a.java', ['  int a = 1;', '  return a;'], ['  int a = 2;', '  return a;']);
    assert.equal(renamedOnly([value], none), undefined);
    const extra = file('a.java', ['  return a;'], ['  log(a);', '  return a;']);
    assert.equal(renamedOnly([extra], none), undefined);
    const operator = file('a.js', ['  if (a > b) x(a);'], ['  if (a >= b) x(a);']);
    assert.equal(renamedOnly([operator], none), undefined);
  });

  it('does not clear a rename that other code may still use by the old name, or that the error names', () => {
    const member = file('src/orders.js', ['  return order.customer.email + order.customer.name;'], ['  return order.client.email + order.client.name;']);
    assert.equal(renamedOnly([member], none), undefined, 'a property in JavaScript');
    const key = file('src/orders.js', ['  return { customer: c, total: customer };'], ['  return { client: c, total: client };']);
    assert.equal(renamedOnly([key], none), undefined, 'an object key in JavaScript');
    const javaLocal = file('src/A.java', ['  int raw = 1;', '  return raw;'], ['  int value = 1;', '  return value;']);
    assert.equal(renamedOnly([javaLocal], new Set(['raw'])), undefined, 'the error names the old name');
    assert.equal(renamedOnly([{ ...javaLocal, created: true }], none), undefined, 'a created file');
  });

  it('gives a rename no location evidence, unless the error says a name is missing', () => {
    const context: HypothesisContext = {
      anchors: [{ frameIndex: 0, path: 'src/A.java', line: 3, weight: 1, isTest: false, symbol: { name: 'A.f', startLine: 1, endLine: 4 } }],
      neighbours: [],
      errorWords: [{ word: 'parseint', originWeight: 0.5, fromCrashLine: true }],
    };
    const commit = { sha: 'r', authorDate: '2026-01-01T00:00:00Z', subject: 'Rename raw', isMerge: false, formattingOnly: false, files: [{ ...file('src/A.java', ['  String raw = s;', '  return Integer.parseInt(raw);'], ['  String rawValue = s;', '  return Integer.parseInt(rawValue);']) }] };
    const tracked = [{ incidentPath: 'src/A.java', spans: [{ start: 2, end: 3, exact: true }], survivingAddedLines: [2, 3] }];
    const renamed = evaluateHypothesis(commit, tracked, context);
    assert.equal(renamed.features.formattingOnly, 1);
    assert.equal(renamed.features.crashLineIntroduced, 0);
    assert.match(renamed.evidence[0].message, /Only renamed raw to rawValue/);
    const missing = evaluateHypothesis(commit, tracked, { ...context, missingName: 'binding' });
    assert.equal(missing.features.formattingOnly, 0);
    assert.equal(missing.features.crashLineIntroduced, 1);
  });
});
