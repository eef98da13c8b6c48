import * as assert from 'node:assert/strict';
import { emptyFeatures, FEATURE_NAMES, type FeatureVector } from '../../../src/core/analysis/features';
import { evaluateHypothesis, type CandidateCommit, type HypothesisContext } from '../../../src/core/analysis/hypothesis';
import { fitWeights, meanLogLikelihood, softmax, type ModelWeights } from '../../../src/core/analysis/model';
import { completeFeatures, rankHypotheses, type ScoredHypothesis } from '../../../src/core/analysis/ranking';

const context: HypothesisContext = {
  anchors: [
    { frameIndex: 0, path: 'src/users.js', line: 12, weight: 1, isTest: false, function: 'formatUser', symbol: { name: 'formatUser', startLine: 10, endLine: 14 } },
    { frameIndex: 1, path: 'test/users.test.js', line: 5, weight: 0.6, isTest: true, function: 'it' },
  ],
  neighbours: [{ path: 'src/db.js', name: 'findUser', startLine: 3, endLine: 9, distance: 1, weight: 0.8, via: 'formatUser' }],
  errorWords: [{ word: 'email', originWeight: 1 }],
  firstReleaseShas: ['c1'],
  changePointTime: '2026-01-02T12:00:00Z',
};

function commit(sha: string, files: CandidateCommit['files'], extra: Partial<CandidateCommit> = {}): CandidateCommit {
  return { sha, authorDate: '2026-01-02T00:00:00Z', subject: sha, isMerge: false, formattingOnly: false, files, ...extra };
}

describe('hypothesis evidence', () => {
  it('finds the crash line the commit introduced, its function, error words, removed guard and timing', () => {
    const result = evaluateHypothesis(
      commit('c1', [{ path: 'src/users.js', binary: false, added: ['  return user.profile.email;'], removed: ['  if (!user.profile) return "";'] }]),
      [{ incidentPath: 'src/users.js', spans: [{ start: 12, end: 12, exact: true }], survivingAddedLines: [12] }],
      context,
    );
    const f = result.features;
    assert.equal(f.crashLineIntroduced, 1);
    assert.equal(f.enclosingSymbolChanged, 1);
    assert.equal(f.frameFileChanged, 1);
    assert.ok(Math.abs(f.guardsRemoved - Math.log1p(1) / (1 + Math.log1p(2 / 100))) < 1e-9);
    assert.equal(f.firstRelease, 1);
    assert.ok(f.beforeChangePoint > 0.7 && f.beforeChangePoint <= 1);
    assert.deepEqual(result.matchedWords, ['email']);
    assert.deepEqual(result.evidence.map((e) => e.kind), ['crash-line-introduced', 'enclosing-symbol', 'guard-removed', 'first-release', 'change-point']);
    assert.deepEqual(result.suspectLines[0], { path: 'src/users.js', line: 12 });
  });

  it('does not count lines below the frame as its function changed: they had not run yet', () => {
    const ctx: HypothesisContext = { ...context, anchors: [{ ...context.anchors[0], executedThrough: 12 }] };
    const below = evaluateHypothesis(commit('b', [{ path: 'src/users.js', binary: false, added: ['  log(user);'], removed: [] }]), [{ incidentPath: 'src/users.js', spans: [{ start: 13, end: 13, exact: true }], survivingAddedLines: [13] }], ctx);
    assert.equal(below.features.enclosingSymbolChanged, 0);
    assert.equal(below.features.frameFileChanged, 1);
    assert.match(below.evidence.find((e) => e.kind === 'frame-file')?.message ?? '', /only below line 12, code that had not yet run/);
    const above = evaluateHypothesis(commit('a', [{ path: 'src/users.js', binary: false, added: ['  const user = load();'], removed: [] }]), [{ incidentPath: 'src/users.js', spans: [{ start: 11, end: 11, exact: true }], survivingAddedLines: [11] }], ctx);
    assert.equal(above.features.enclosingSymbolChanged, 1);
  });

  it('reads no words or shape from a deleted file or a minified line', () => {
    const minified = `!function(e){if(typeof e.email==="undefined")return null;${'var a=1;'.repeat(60)}}`;
    const deleted = evaluateHypothesis(commit('d', [{ path: 'dist/users.min.js', deleted: true, binary: false, added: [], removed: ['  if (!user.email) return null;'] }]), [], context);
    assert.deepEqual(deleted.matchedWords, []);
    assert.equal(deleted.features.guardsRemoved, 0);
    const long = evaluateHypothesis(commit('m', [{ path: 'src/users.js', binary: false, added: [], removed: [minified] }]), [], context);
    assert.deepEqual(long.matchedWords, []);
    assert.equal(long.features.guardsRemoved, 0);
  });

  it('sees a removed guard that names a word of the error', () => {
    const result = evaluateHypothesis(commit('g', [{ path: 'src/orders.js', binary: false, added: ['  return findCustomer(order.customerId);'], removed: ["  if (!order.customerId) return { name: 'Guest', email: order.guestEmail };"] }]), [], context);
    assert.equal(result.features.guardOnErrorWords, 1);
    assert.ok(result.evidence.some((e) => e.kind === 'guard-on-error-words' && /names 'email'/.test(e.message)));
    const unrelated = evaluateHypothesis(commit('h', [{ path: 'src/x.js', binary: false, added: [], removed: ['  if (!cache) return null;'] }]), [], context);
    assert.equal(unrelated.features.guardOnErrorWords, 0);
    assert.ok(unrelated.features.guardsRemoved > 0.68);
  });

  it('sees the removal of a definition the error says is missing', () => {
    const ctx: HypothesisContext = { ...context, errorWords: [{ word: 'combine', originWeight: 0.6 }], missingName: 'member' };
    const removedDef = evaluateHypothesis(commit('d', [{ path: 'lib/utils.js', binary: false, added: ['const combineImpl = (a, b) => [].concat(a, b);'], removed: ['exports.combine = (a, b) => [].concat(a, b);'] }]), [], ctx);
    assert.equal(removedDef.features.definitionRemoved, 0.6);
    assert.ok(removedDef.evidence.some((e) => e.kind === 'definition-removed' && /'combine'/.test(e.message)));
    const moved = evaluateHypothesis(commit('m', [{ path: 'lib/utils.js', binary: false, added: ['function combine(a, b) {'], removed: ['function combine(a, b, c) {'] }]), [], ctx);
    assert.equal(moved.features.definitionRemoved, 0, 'a definition changed in place is not removed');
    const py = evaluateHypothesis(commit('p', [{ path: 'gyp/common.py', binary: false, added: [], removed: ['def combine(a, b):'] }]), [], ctx);
    assert.equal(py.features.definitionRemoved, 0.6);
    const call = evaluateHypothesis(commit('c', [{ path: 'lib/parse.js', binary: false, added: [], removed: ['  combine(a, b);'] }]), [], ctx);
    assert.equal(call.features.definitionRemoved, 0, 'a removed call is not a removed definition');
    const renamedButExported = evaluateHypothesis(commit('r', [{ path: 'lib/option.js', binary: false, added: ['function combineImpl(a, b) {', 'exports.combine = combineImpl;'], removed: ['function combine(a, b) {', 'exports.combine = combine;'] }]), [], { ...ctx, missingName: 'binding' });
    assert.equal(renamedButExported.features.definitionRemoved, 0.6, 'for an unbound name only bindings count, not the export that kept the name');
    const { missingName: _dropped, ...noMissingName } = ctx;
    const other = evaluateHypothesis(commit('o', [{ path: 'gyp/common.py', binary: false, added: [], removed: ['def combine(a, b):'] }]), [], noMissingName);
    assert.equal(other.features.definitionRemoved, 0, 'only when the error says a name is missing');
  });

  it('sees the removal of a key the error says was not found, unless the commit wrote it elsewhere', () => {
    const ctx: HypothesisContext = { ...context, quotedValues: ['invoice.reminder'] };
    const removed = (files: CandidateCommit['files']) => evaluateHypothesis(commit('r', files), [], ctx);
    const dropped = removed([{ path: 'src/config/routes.js', binary: false, added: ["  'invoice.paid': billing,"], removed: ["  'invoice.reminder': reminders,", "  'invoice.paid': billing,"] }]);
    assert.equal(dropped.features.quotedValueRemoved, 1);
    assert.match(dropped.evidence.find((e) => e.kind === 'quoted-value-removed')?.message ?? '', /Removed 'invoice\.reminder'.*src\/config\/routes\.js/);
    const moved = removed([
      { path: 'src/config/routes.js', binary: false, added: [], removed: ["  'invoice.reminder': reminders,"] },
      { path: 'src/config/billing.js', binary: false, added: ["  'invoice.reminder': reminders,"], removed: [] },
    ]);
    assert.equal(moved.features.quotedValueRemoved, 0, 'moved to another table, not removed');
    assert.equal(removed([{ path: 'test/routes.test.js', binary: false, added: [], removed: ["  publish('invoice.reminder');"] }]).features.quotedValueRemoved, 0, 'a test does not run in production');
    assert.equal(removed([{ path: 'src/queue.js', binary: false, added: [], removed: ['  // sends invoice.reminder too'] }]).features.quotedValueRemoved, 0, 'unquoted, in a comment');
  });

  it('sees the removal of a format or pattern that accepted the value the error could not parse', () => {
    const ctx: HypothesisContext = { ...context, rejectedValues: ['2021-06-01T08:30:00'] };
    const removed = (files: CandidateCommit['files']) => evaluateHypothesis(commit('p', files), [], ctx);
    const formats = removed([{ path: 'sluice/formats.py', binary: false, added: ['    "%Y-%m-%dT%H:%M:%S%z",'], removed: ['    "%Y-%m-%dT%H:%M:%S",'] }]);
    assert.equal(formats.features.quotedValueRemoved, 1);
    assert.match(formats.evidence.find((e) => e.kind === 'quoted-value-removed')?.message ?? '', /Removed `%Y-%m-%dT%H:%M:%S` from sluice\/formats\.py, which accepted '2021-06-01T08:30:00'/);
    const regex = removed([{ path: 'src/dates.js', binary: false, added: ["const ISO = /^\\d{4}-\\d{2}-\\d{2}$/;"], removed: ["const ISO = /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$/;"] }]);
    assert.equal(regex.features.quotedValueRemoved, 1, 'a regular expression literal');
    assert.equal(removed([{ path: 'sluice/formats.py', binary: false, added: ['    "%Y-%m-%dT%H:%M:%S",  # naive'], removed: ['    "%Y-%m-%dT%H:%M:%S",'] }]).features.quotedValueRemoved, 0, 'still accepted by what it added');
    assert.equal(removed([{ path: 'sluice/formats.py', binary: false, added: [], removed: ['    "%d.%m.%Y %H:%M",'] }]).features.quotedValueRemoved, 0, 'a format that never accepted the value');
    assert.equal(removed([{ path: 'tests/test_formats.py', binary: false, added: [], removed: ['    "%Y-%m-%dT%H:%M:%S",'] }]).features.quotedValueRemoved, 0, 'a test');
  });

  it('sees a bound moved by one in product code, not in a test', () => {
    const files = (path: string): CandidateCommit['files'] => [{ path, binary: false, added: ['        if quantity > threshold:'], removed: ['    if quantity >= 100:'] }];
    const moved = evaluateHypothesis(commit('b', files('src/discounts.py')), [], context);
    assert.equal(moved.features.boundChanged, 1);
    assert.deepEqual(moved.evidence.filter((e) => e.kind === 'bound-changed').map((e) => [e.path, e.message]), [['src/discounts.py', "Moved a bound by one in src/discounts.py: 'quantity' compared with `>=` before and `>` after"]]);
    assert.equal(evaluateHypothesis(commit('t', files('tests/test_discounts.py')), [], context).features.boundChanged, 0);
  });

  it('sees a condition inverted in place in the code the failure ran through', () => {
    const inverted = (path: string, removed: string, added: string) => evaluateHypothesis(commit('i', [{ path, binary: false, added: ['  // kept', added], removed: [removed] }]), [], context);
    const flipped = inverted('src/db.js', "  if (row.status === 'active') {", "    if (row.status !== 'active') {");
    assert.equal(flipped.features.conditionInverted, 1);
    assert.deepEqual(flipped.evidence.filter((e) => e.kind === 'condition-inverted').map((e) => e.message), ["Inverted a condition in src/db.js: `if (row.status === 'active') {` became `if (row.status !== 'active') {`"]);
    assert.equal(inverted('src/users.js', '    if user.email is None:', '    if user.email is not None:').features.conditionInverted, 1, 'is / is not');
    assert.equal(inverted('src/users.js', '  return isAdmin(user) && active;', '  return !isAdmin(user) && active;').features.conditionInverted, 1, 'a negation added');
    assert.equal(inverted('src/users.js', '    if key in cache:', '    if key not in cache:').features.conditionInverted, 1, 'in / not in');
    assert.equal(inverted('src/billing.js', "  if (row.status === 'active') {", "  if (row.status !== 'active') {").features.conditionInverted, 0, 'code the failure did not run through');
    assert.equal(inverted('test/users.test.js', "  if (row.status === 'active') {", "  if (row.status !== 'active') {").features.conditionInverted, 0, 'a test');
    assert.equal(inverted('src/db.js', "  if (row.status === 'active') {", "  if (row.state !== 'active') {").features.conditionInverted, 0, 'more changed than the sense of the test');
    assert.equal(inverted('src/db.js', '  const done = count === total;', '  const done = count == total;').features.conditionInverted, 0, 'the same sense');
    assert.equal(inverted('src/db.js', '  if (row!.status) {', '  if (row.status) {').features.conditionInverted, 0, "TypeScript's non-null assertion negates nothing");
    assert.equal(inverted('src/users.js', '    if user and not user.kind == "$":', '    if user and user.kind != "$":').features.conditionInverted, 0, 'said another way, with the same sense');
  });

  it('sees a change to how the missing value is set, outside the crash line', () => {
    const ctx: HypothesisContext = { ...context, errorWords: [{ word: 'customer', originWeight: 1, fromCrashLine: true, missingValue: true }], crashLineTexts: ['const to = order.customer.email;'] };
    const edit = (file: Partial<CandidateCommit['files'][number]>) => evaluateHypothesis(commit('a', [{ path: 'src/orders.js', binary: false, added: [], removed: [], ...file }]), [], ctx).features.missingValueAssigned;
    assert.equal(edit({ added: ['  return { ...order, customer: findCustomer(order.customerId) };'] }), 1);
    assert.equal(edit({ removed: ['        self.customer = load(customer_id)'] }), 1);
    assert.equal(edit({ added: ['  const to = order.customer.email;'] }), 0, 'the crash line itself');
    assert.equal(edit({ added: ['  if (order.customer == null) return;'] }), 0, 'a comparison is not an assignment');
    assert.equal(edit({ added: ['  const name = customerName;'] }), 0);
  });

  it('finds no removed guard in a removed comment', () => {
    const doc = evaluateHypothesis(commit('d', [{ path: 'src/users.js', binary: false, added: ['  return user.email;'], removed: ['   * Returns null if the user is not signed in', '  // if (!user) return null;'] }]), [], context);
    assert.equal(doc.features.guardsRemoved, 0);
    assert.equal(doc.features.guardOnErrorWords, 0);
  });

  it('gives a commit that only changed comments no evidence, and ignores comment lines for words', () => {
    const comments = evaluateHypothesis(commit('c', [{ path: 'src/users.js', binary: false, added: ['  // email is optional for guests'], removed: ['  // email is required'] }]), [{ incidentPath: 'src/users.js', spans: [{ start: 12, end: 12, exact: true }], survivingAddedLines: [] }], context);
    assert.equal(comments.features.formattingOnly, 1);
    assert.equal(comments.features.frameLineChanged, 0);
    assert.deepEqual(comments.matchedWords, []);
    const mixed = evaluateHypothesis(commit('m', [{ path: 'src/users.js', binary: false, added: ['  // email', '  return user.name;'], removed: [] }]), [], context);
    assert.equal(mixed.features.formattingOnly, 0);
    assert.deepEqual(mixed.matchedWords, [], 'the word only appears in a comment');
  });

  it('finds a change to a callee and weighs test frames less than the crash frame', () => {
    const viaCallee = evaluateHypothesis(commit('c2', [{ path: 'src/db.js', binary: false, added: ['x'], removed: [] }]), [{ incidentPath: 'src/db.js', spans: [{ start: 5, end: 6, exact: true }], survivingAddedLines: [5] }], context);
    assert.equal(viaCallee.features.calleeChanged, 0.8);
    assert.match(viaCallee.evidence[0].message, /findUser .* one call from formatUser/);
    const viaTest = evaluateHypothesis(commit('c3', [{ path: 'test/users.test.js', binary: false, added: ['x'], removed: [] }]), [{ incidentPath: 'test/users.test.js', spans: [{ start: 5, end: 5, exact: true }], survivingAddedLines: [] }], context);
    assert.equal(viaTest.features.frameLineChanged, 0.6);
  });

  it('finds a change to code the failing test names, apart from the calls it makes', () => {
    const ctx: HypothesisContext = { ...context, neighbours: [...context.neighbours, { path: 'src/range.js', name: 'replaceCaret', startLine: 40, endLine: 60, distance: 2, weight: 0.5, via: 'caret ranges', namedBy: 'caret ranges' }] };
    const named = evaluateHypothesis(commit('n', [{ path: 'src/range.js', binary: false, added: ["  if (M !== '0') {"], removed: ["  if (M === '0') {"] }]), [{ incidentPath: 'src/range.js', spans: [{ start: 52, end: 52, exact: true }], survivingAddedLines: [52] }], ctx);
    assert.equal(named.features.testNamedChanged, 0.5);
    assert.equal(named.features.calleeChanged + named.features.callee2Changed, 0);
    assert.match(named.evidence[0].message, /replaceCaret \(src\/range\.js:40\), code the failing test 'caret ranges' names/);
    const outside = evaluateHypothesis(commit('o', [{ path: 'src/range.js', binary: false, added: ['x'], removed: [] }]), [{ incidentPath: 'src/range.js', spans: [{ start: 70, end: 70, exact: true }], survivingAddedLines: [70] }], ctx);
    assert.equal(outside.features.testNamedChanged, 0);
  });

  it('finds a change to a table of data the crash site reads', () => {
    const ctx: HypothesisContext = { ...context, neighbours: [...context.neighbours, { path: 'src/routes.js', name: 'ROUTES', startLine: 3, endLine: 20, distance: 1, weight: 0.8, via: 'resolve', reads: true }] };
    const table = evaluateHypothesis(commit('t', [{ path: 'src/routes.js', binary: false, added: ["  'invoice.reminders': 'mail',"], removed: ["  'invoice.reminder': 'mail',"] }]), [{ incidentPath: 'src/routes.js', spans: [{ start: 12, end: 12, exact: true }], survivingAddedLines: [12] }], ctx);
    assert.equal(table.features.calleeChanged, 0.8);
    assert.match(table.evidence[0].message, /Changed ROUTES \(src\/routes\.js:3\), data resolve reads/);
  });

  it('finds a change to the function the missing value came from', () => {
    const ctx: HypothesisContext = { ...context, neighbours: [{ path: 'src/header.ts', name: 'parseHeader', startLine: 6, endLine: 12, distance: 1, weight: 0.8, via: 'toEntry', returnsMissing: 'header' }] };
    const changed = evaluateHypothesis(commit('h', [{ path: 'src/header.ts', binary: false, added: ['  const m = /^(\\w+)!?:/.exec(s);'], removed: ['  const m = /^(\\w+):/.exec(s);'] }]), [{ incidentPath: 'src/header.ts', spans: [{ start: 8, end: 8, exact: true }], survivingAddedLines: [8] }], ctx);
    assert.equal(changed.features.missingValueAssigned, 1);
    assert.equal(changed.features.calleeChanged, 0.8);
    assert.ok(changed.evidence.some((e) => e.kind === 'missing-value-assigned' && /parseHeader, whose result is 'header'/.test(e.message)), JSON.stringify(changed.evidence));
  });

  it('says more of a change that made the missing value\'s source return nothing', () => {
    const source = { path: 'src/header.py', name: 'parse_header', startLine: 6, endLine: 12, distance: 1 as const, weight: 0.8, via: 'to_entry', returnsMissing: 'header' };
    const judge = (added: string[], returnsNothing = true) =>
      evaluateHypothesis(commit('n', [{ path: 'src/header.py', binary: false, added, removed: ['    return {}, text'] }]), [{ incidentPath: 'src/header.py', spans: [{ start: 9, end: 9, exact: true }], survivingAddedLines: [9] }], {
        ...context,
        neighbours: [{ ...source, ...(returnsNothing ? { returnsNothing } : {}) }],
      });
    const none = judge(['    return None, text']);
    assert.equal(none.features.missingValueAssigned, 2);
    assert.deepEqual(none.evidence.filter((e) => e.kind === 'missing-value-assigned').map((e) => e.message), ["Made parse_header, whose result is 'header', the missing value, return nothing: `return None, text`"]);
    for (const added of [['    return;'], ['  return null;'], ['    return']]) assert.equal(judge(added).features.missingValueAssigned, 2, added[0]);
    assert.equal(judge(['    return {"a": 1}, text']).features.missingValueAssigned, 1, 'another value');
    assert.equal(judge(['    return None, text'], false).features.missingValueAssigned, 1, 'the value was not nothing');
  });

  it('counts crash-line words only where the change edited other lines', () => {
    const ctx: HypothesisContext = { ...context, errorWords: [{ word: 'customer', originWeight: 0.5, fromCrashLine: true }], crashLineTexts: ['const r = order.customer.email;'] };
    const edit = (file: Partial<CandidateCommit['files'][number]>) => evaluateHypothesis(commit('w', [{ path: 'src/orders.js', binary: false, added: [], removed: [], ...file }]), [], ctx).matchedWords;
    assert.deepEqual(edit({ removed: ['  customer: customerOf(order),'] }), ['customer']);
    assert.deepEqual(edit({ added: ['  const r = order.customer.email;'] }), [], 'the crash line itself');
    assert.deepEqual(edit({ added: ['  customer: x,'], created: true }), [], 'a file the commit created');
  });

  it('reads no error words in prose, nor in tests that are not on the stack', () => {
    const words = (path: string) => evaluateHypothesis(commit('d', [{ path, binary: false, added: ['  user.email = x;'], removed: [] }]), [], context).matchedWords;
    assert.deepEqual(words('src/users.js'), ['email']);
    assert.deepEqual(words('test/users.test.js'), ['email'], 'the test on the stack');
    for (const path of ['README.md', 'docs/guide/users.md', 'CHANGELOG', 'test/orders.test.js']) assert.deepEqual(words(path), [], path);
  });

  it('when only tests are on the stack, discounts a commit that changed no product code, and reads words in product code only', () => {
    const ctx: HypothesisContext = { ...context, anchors: [{ frameIndex: 0, path: 'test/users.test.js', line: 5, weight: 0.6, isTest: true, function: 'it' }], neighbours: [] };
    const wrote = (path: string) => evaluateHypothesis(commit('t', [{ path: 'test/users.test.js', binary: false, added: ['  expect(user.email).toBe(1);'], removed: [] }, { path, binary: false, added: ['  user.email = x;'], removed: [] }]), [{ incidentPath: 'test/users.test.js', spans: [{ start: 5, end: 5, exact: true }], survivingAddedLines: [5] }], ctx);
    const testsOnly = wrote('test/helpers.js');
    const withCode = wrote('src/users.js');
    assert.equal(withCode.features.crashLineIntroduced, 0.6);
    assert.equal(testsOnly.features.crashLineIntroduced, 0.18);
    assert.match(testsOnly.evidence.find((e) => e.kind === 'crash-line-introduced')!.message, /changed no product code/);
    assert.deepEqual([testsOnly.matchedWords, withCode.matchedWords], [[], ['email']]);
    // Another test in the failing test's file: its file, but little said.
    const elsewhere = evaluateHypothesis(commit('e', [{ path: 'test/users.test.js', binary: false, added: ['x'], removed: [] }, { path: 'src/users.js', binary: false, added: ['y'], removed: [] }]), [{ incidentPath: 'test/users.test.js', spans: [{ start: 40, end: 44, exact: true }], survivingAddedLines: [40] }], ctx);
    assert.equal(elsewhere.features.frameFileChanged, 0.3);
  });

  it('gives an unrelated commit no location evidence', () => {
    const result = evaluateHypothesis(commit('c4', [{ path: 'README.md', binary: false, added: ['docs'], removed: [] }]), [], context);
    for (const name of ['frameLineChanged', 'crashLineIntroduced', 'enclosingSymbolChanged', 'frameFileChanged', 'calleeChanged'] as const) {
      assert.equal(result.features[name], 0, name);
    }
  });
});

describe('model and ranking', () => {
  it('softmax is a probability distribution and keeps the order', () => {
    const p = softmax([3, 1, 2]);
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.ok(p[0] > p[2] && p[2] > p[1]);
    assert.deepEqual(softmax([]), []);
  });

  it('fits weights that put the culprits first on cases it learned from', () => {
    const f = (over: Partial<FeatureVector>): FeatureVector => ({ ...emptyFeatures(), ...over });
    const cases = Array.from({ length: 12 }, (_, k) => ({
      candidates: [f({ size: 2 + (k % 3), recency: 1 }), f({ enclosingSymbolChanged: 1, size: 1, recency: 0.5 }), f({ size: 3, recency: 0 })],
      culpritIndex: 1,
    }));
    const zero: ModelWeights = { weights: Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as ModelWeights['weights'], temperature: 1 };
    const fitted = fitWeights(cases);
    assert.ok(fitted.weights.enclosingSymbolChanged > 0.5);
    assert.ok(meanLogLikelihood(cases, fitted) > meanLogLikelihood(cases, zero));
  });

  it('keeps the prior weight of evidence the cases cannot tell apart, and moves the rest', () => {
    const f = (over: Partial<FeatureVector>): FeatureVector => ({ ...emptyFeatures(), firstRelease: 1, ...over });
    const cases = Array.from({ length: 12 }, () => ({ candidates: [f({ size: 2 }), f({ enclosingSymbolChanged: 1, size: 1 }), f({ size: 3 })], culpritIndex: 1 }));
    const prior = { ...emptyFeatures(), firstRelease: 1, enclosingSymbolChanged: 0.5 };
    const towardsPrior = fitWeights(cases, { l2: 0.2, prior });
    assert.ok(Math.abs(towardsPrior.weights.firstRelease - 1) < 1e-9, 'every candidate shipped in the first release: nothing to learn');
    assert.ok(towardsPrior.weights.enclosingSymbolChanged > 0.5);
    assert.ok(Math.abs(fitWeights(cases, { l2: 0.2 }).weights.firstRelease) < 1e-9);
  });

  it('ranks, calibrates and explains the causes with weighted evidence', () => {
    const mk = (sha: string, position: number, over: Partial<FeatureVector>, words: string[] = []): ScoredHypothesis => ({
      sha, position, features: { ...emptyFeatures(), ...over }, matchedWords: words, suspectLines: [],
      evidence: over.enclosingSymbolChanged ? [{ kind: 'enclosing-symbol', feature: 'enclosingSymbolChanged', message: 'changed formatUser' }] : [],
      commit: { sha, author: 'a', date: '2026-01-01', subject: sha },
    });
    const model: ModelWeights = { weights: { ...emptyFeatures(), enclosingSymbolChanged: 2, errorWords: 1 }, temperature: 1 };
    const causes = rankHypotheses([mk('new', 0, {}), mk('culprit', 1, { enclosingSymbolChanged: 1 }, ['email']), mk('old', 2, {})], model, {
      errorWordWeights: new Map([['email', 1]]), windowSize: 3, confidence: 0.8,
    });
    assert.deepEqual(causes.map((c) => c.commit.sha), ['culprit', 'new', 'old']);
    assert.ok(Math.abs(causes.reduce((a, c) => a + c.score, 0) - 1) < 1e-3);
    assert.equal(causes[0].evidence[0].kind, 'enclosing-symbol');
    assert.equal(causes[0].evidence[0].weight, 2);
    assert.equal(causes[0].evidence[1].kind, 'error-words');
    assert.equal(causes[0].confidence, 0.8);
  });

  it('once a commit removed the name the error says is missing, older edits around the stack no longer count, and newer ones only by the call', () => {
    const mk = (sha: string, position: number, over: Partial<FeatureVector>, removed?: string): ScoredHypothesis => ({
      sha, position, features: { ...emptyFeatures(), ...over }, matchedWords: [], suspectLines: [],
      evidence: Object.keys(over).map((feature) => ({ kind: 'enclosing-symbol' as const, feature: feature as keyof FeatureVector, message: feature })),
      commit: { sha, author: 'a', date: '2026-01-01', subject: sha }, ...(removed ? { removedMissingName: removed } : {}),
    });
    const model: ModelWeights = { weights: { ...emptyFeatures(), crashLineIntroduced: 2, enclosingSymbolChanged: 2, frameFileChanged: 2, definitionRemoved: 1 }, temperature: 1 };
    const hypotheses = [
      mk('newer-call', 0, { crashLineIntroduced: 1, frameFileChanged: 1 }),
      mk('newer-elsewhere', 1, { enclosingSymbolChanged: 1, frameFileChanged: 1 }),
      mk('removal', 2, { definitionRemoved: 1 }, 'parseObject'),
      mk('older', 3, { crashLineIntroduced: 1, enclosingSymbolChanged: 1 }),
    ];
    const causes = rankHypotheses(hypotheses, model, { errorWordWeights: new Map(), windowSize: 4, confidence: 1 });
    const bySha = new Map(causes.map((c) => [c.commit.sha, c]));
    assert.deepEqual(causes.map((c) => c.commit.sha).slice(0, 2), ['newer-call', 'removal']);
    assert.equal(bySha.get('newer-call')?.features.frameFileChanged, 0);
    assert.equal(bySha.get('newer-call')?.features.crashLineIntroduced, 1);
    assert.equal(bySha.get('newer-elsewhere')?.features.enclosingSymbolChanged, 0);
    assert.equal(bySha.get('older')?.features.crashLineIntroduced, 0);
    assert.match(bySha.get('older')?.evidence.map((e) => e.message).join(' ') ?? '', /Came before removal removed 'parseObject'/);
    assert.ok(!bySha.get('older')?.evidence.some((e) => e.message === 'crashLineIntroduced'));
  });

  it('weighs a removed guard by how rare the error words it names are in the window', () => {
    const mk = (sha: string, position: number, matchedWords: string[], guardWords?: string[]): ScoredHypothesis => ({
      sha, position, features: { ...emptyFeatures(), guardOnErrorWords: guardWords ? 1 : 0 }, matchedWords, suspectLines: [], evidence: [],
      commit: { sha, author: 'a', date: '2026-01-01', subject: sha }, ...(guardWords ? { guardWords } : {}),
    });
    // Every commit of this window mentions 'gyp' (the project's own name); one removed a check naming 'zlib'.
    const hypotheses = [mk('common', 0, ['gyp'], ['gyp']), mk('rare', 1, ['gyp', 'zlib'], ['zlib']), ...Array.from({ length: 8 }, (_, i) => mk(`c${i}`, i + 2, ['gyp']))];
    const [common, rare] = completeFeatures(hypotheses, new Map([['gyp', 1], ['zlib', 1]]), hypotheses.length);
    assert.ok(common.guardOnErrorWords < 0.1, `common word: ${common.guardOnErrorWords}`);
    assert.ok(rare.guardOnErrorWords > 0.7 && rare.guardOnErrorWords <= 1, `rare word: ${rare.guardOnErrorWords}`);
  });
});
