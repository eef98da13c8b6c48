// Definitions and unresolved names read from source lines, and the evidence they give: a commit
// that removed a definition the code still uses.

import * as assert from 'node:assert/strict';
import { bindsAtRunTime, definedName, localBindings, unresolvedNames } from '../../../src/core/analysis/definitions';
import { evaluateHypothesis, type CandidateCommit, type HypothesisContext } from '../../../src/core/analysis/hypothesis';

describe('definitions by name', () => {
  it('reads the callable or exported member a line defines, in JavaScript, Python and Java', () => {
    assert.equal(definedName('const replaceCaret = (comp, options) => {'), 'replaceCaret');
    assert.equal(definedName('var decode = function(str) {'), 'decode');
    assert.equal(definedName('exports.combine = function (a, b) {'), 'combine');
    assert.equal(definedName('    decode: decode,'), 'decode');
    assert.equal(definedName('def ResolveTarget(build_file, target):'), 'ResolveTarget');
    assert.equal(definedName('  public static String encode(Object value) {'), 'encode');
    assert.equal(definedName('  const total = items.length;'), undefined, 'a plain value is not a callable');
    assert.equal(definedName('  if (ready) {'), undefined);
  });

  it('finds names the code calls but nowhere defines', () => {
    const range = 'const replaceCarets = (comp, options) =>\n  comp.split(" ").map((c) => replaceCaret(c, options))\nconst rewriteCaret = (comp, options) => comp\nconst split = 1\nmodule.exports = { replaceCarets }\n';
    const names = unresolvedNames([range], ['replaceCarets', 'rewriteCaret'], ['split', 'map', 'replaceCaret', 'rewriteCaret']);
    assert.deepEqual(names, ['map', 'replaceCaret'], 'defined as a callable or any binding, a name is resolved');
  });

  it('does not take a member of the same name for the binding a bare call needs', () => {
    const semver = 'exports.lte = lteImpl\nfunction lteImpl (a, b, loose) {\n  return lte(a, b, loose)\n}\nconst ops = {\n  gte: (a, b) => a >= b,\n}\nclass Tier:\n    limit: int = 3\n';
    const calls = ['lte', 'gte', 'limit', 'lteImpl'];
    assert.deepEqual(unresolvedNames([semver], ['lteImpl'], calls, true), ['lte', 'gte'], 'exports.lte and a key gte bind nothing; an annotated limit does');
    assert.deepEqual(unresolvedNames([semver], ['lteImpl'], calls), [], 'reached through an object, a member of that name may be what is called');
  });

  it('reads the names a block binds for itself, in Python, JavaScript and Java', () => {
    const bound = (line: string) => [...localBindings([line])].sort();
    assert.deepEqual(bound('    build_file, target, toolset = gyp.common.ResolveTarget(x)'), ['build_file', 'target', 'toolset']);
    assert.deepEqual(bound('def test_totals(client, tmp_path: Path, n=3):'), ['client', 'n', 'tmp_path']);
    assert.deepEqual(bound('    for key, value in items.items():'), ['key', 'value']);
    assert.deepEqual(bound('  const { meta, body: content } = split(text);'), ['content', 'meta']);
    assert.deepEqual(bound('        Map<String, Integer> counts = new HashMap<>();'), ['counts']);
    assert.deepEqual(bound('    for (String name : names) {'), ['name']);
    assert.deepEqual(bound('    with open(path) as fh:'), ['fh']);
    assert.deepEqual(bound('    if total == 3:'), [], 'a comparison binds nothing');
    assert.deepEqual(bound('    self.total = 3'), [], 'a member is not a local');
    assert.deepEqual(bound('    expect(user.name).toBe("x")'), []);
  });

  it('treats dangling names as crash causes only in languages that bind them at run time', () => {
    assert.ok(bindsAtRunTime('javascript') && bindsAtRunTime('python'));
    assert.ok(!bindsAtRunTime('java') && !bindsAtRunTime('go') && !bindsAtRunTime(undefined));
  });
});

describe('hypothesis evidence: removed definitions the code still uses', () => {
  const context: HypothesisContext = {
    anchors: [{ frameIndex: 0, path: 'examples/resolve.js', line: 45, weight: 1, isTest: false }],
    neighbours: [],
    errorWords: [{ word: 'chalk', originWeight: 0.6 }],
    unresolved: { names: ['replaceCaret', 'require', 'console', 'helper'], bare: ['replaceCaret', 'require', 'console'], files: ['classes/range.js'] },
  };
  const commit = (added: string[], removed: string[]): CandidateCommit => ({ sha: 'c', authorDate: '2026-01-01T00:00:00Z', subject: 'refactor', isMerge: false, formattingOnly: false, files: [{ path: 'classes/range.js', binary: false, added, removed }] });

  it('counts a rename that left a caller behind', () => {
    const renamed = evaluateHypothesis(commit(['const rewriteCaret = (comp, options) => {'], ['const replaceCaret = (comp, options) => {']), [], context);
    assert.equal(renamed.features.definitionRemoved, 1);
    assert.match(renamed.evidence.find((e) => e.kind === 'definition-removed')?.message ?? '', /'replaceCaret' from classes\/range\.js, but the code still uses/);
  });

  it('does not count a definition that was changed in place, that nothing uses, or in a file not read', () => {
    const elsewhere = commit(['const rewriteCaret = (comp, options) => {'], ['const replaceCaret = (comp, options) => {']);
    elsewhere.files[0].path = 'lib/other.js';
    assert.equal(evaluateHypothesis(elsewhere, [], context).features.definitionRemoved, 0);
    assert.equal(evaluateHypothesis(commit(['const replaceCaret = (comp) => {'], ['const replaceCaret = (comp, options) => {']), [], context).features.definitionRemoved, 0);
    assert.equal(evaluateHypothesis(commit([], ['const replaceTilde = (comp, options) => {']), [], context).features.definitionRemoved, 0);
    assert.equal(evaluateHypothesis(commit([], ['const helper = (comp) => {']), [], context).features.definitionRemoved, 0, 'called only on a receiver (utils.helper()), whose module may not have been read');
  });

  it('says the removal made the name missing when the error names it and nothing defines it today', () => {
    const named: HypothesisContext = { ...context, errorWords: [{ word: 'replacecaret', originWeight: 1 }], missingName: 'binding' };
    const result = evaluateHypothesis(commit(['const rewriteCaret = (comp, options) => {'], ['const replaceCaret = (comp, options) => {']), [], named);
    assert.equal(result.features.definitionRemoved, 1);
    assert.equal(result.features.missingNameRemoved, 1);
    assert.equal(result.removedMissingName, 'replaceCaret');
    const definedToday = evaluateHypothesis(commit(['const rewriteCaret = (comp, options) => {'], ['const replaceCaret = (comp, options) => {']), [], { ...named, unresolved: { names: [], bare: [], files: ['classes/range.js'] } });
    assert.equal(definedToday.features.definitionRemoved, 1);
    assert.equal(definedToday.features.missingNameRemoved, 0);
    const onlyAMember = { ...named, unresolved: { names: [], bare: [], unbound: ['replaceCaret'], files: ['classes/range.js'] } };
    const removal = commit(['const rewriteCaret = (comp, options) => {'], ['function replaceCaret (comp, options) {']);
    assert.equal(evaluateHypothesis(removal, [], onlyAMember).features.missingNameRemoved, 1, "'is not defined': only a member of that name is left, which binds nothing");
    assert.equal(evaluateHypothesis(removal, [], { ...onlyAMember, missingName: 'member' }).features.missingNameRemoved, 0, 'a missing member: the member of that name is what is called');
  });
});
