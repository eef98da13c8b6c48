// semver 7.6.1-7.7.4: the same library split into ~50 small modules (classes/, functions/, ranges/,
// internal/), so a regression in one module crashes in another. Exercises: the dependency resolver
// script and a node:test suite (its failures show only test frames).
export default {
  project: {
    id: 'semver7',
    pkg: 'semver',
    language: 'javascript',
    include: (p) => !p.startsWith('node_modules/'),
    releaseMessage: (v) => `chore: release ${v}`,
  },
  versions: { from: '7.6.1', to: '7.7.4' },
  density: [6, 16],
  exercises: {
    app: { kind: 'node', entry: 'examples/resolve.js', files: [['examples/resolve.js', 'resolve.js']], message: 'add an example that resolves dependency ranges' },
    unit: { kind: 'node-test', entry: 'test/ranges.test.js', files: [['test/ranges.test.js', 'ranges.test.js']], message: 'test: range behaviour used by release tooling' },
  },
  expect: 'Error',
  cases: [
    { id: 'js-semver7-identifiers-export', intent: 'rename', expect: "TypeError", edits: [{"file":"internal/identifiers.js","rename":{"from":"compareIdentifiers","to":"cmpIdentifiers","exceptLine":null}}] },
    { id: 'js-semver7-rcompare-identifiers', intent: 'rename', expect: "TypeError", edits: [{"file":"internal/identifiers.js","rename":{"from":"compareIdentifiers","to":"cmpIdentifiers","exceptLine":"const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)"}}] },
    { id: 'js-semver7-comparator-options', intent: 'drop', expect: "TypeError", edits: [{"file":"classes/comparator.js","find":"  constructor (comp, options) {\n    options = parseOptions(options)\n","replace":"  constructor (comp, options) {\n"}] },
    { id: 'js-semver7-outside-high', intent: 'drop', expect: "TypeError", edits: [{"file":"ranges/outside.js","find":"      }\n      high = high || comparator\n","replace":"      }\n"}] },
    { id: 'js-semver7-range-testset', intent: 'rename', expect: "ReferenceError", edits: [{"file":"classes/range.js","rename":{"from":"testSet","to":"checkSet","exceptLine":"if (testSet(this.set[i], version, this.options)) {"}}] },
    { id: 'js-semver7-caret-rename', intent: 'rename', edits: [{"file":"classes/range.js","rename":{"from":"replaceCaret","to":"rewriteCaret","exceptLine":".map((c) => replaceCaret(c, options))"}}] },
    { id: 'js-semver7-token-caret', intent: 'drop', expect: "TypeError", edits: [{"file":"internal/re.js","find":"\ncreateToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)\n","replace":"\ncreateToken('CARET')\n"}] },
    { id: 'js-semver7-minor-order', intent: 'flip', exercise: 'unit', expect: "AssertionError", edits: [{"file":"classes/semver.js","find":"    }\n    if (this.minor > other.minor) {\n","replace":"    }\n    if (this.minor >= other.minor) {\n"}] },
    { id: 'js-semver7-max-satisfying', intent: 'flip', exercise: 'unit', expect: "AssertionError", edits: [{"file":"ranges/max-satisfying.js","find":"      // satisfies(v, range, options)\n      if (!max || maxSV.compare(v) === -1) {\n","replace":"      // satisfies(v, range, options)\n      if (!max || maxSV.compare(v) !== -1) {\n"}] },
    { id: 'js-semver7-diff-equal', intent: 'flip', exercise: 'unit', expect: "AssertionError", edits: [{"file":"functions/diff.js","find":"\n  if (comparison === 0) {\n","replace":"\n  if (comparison !== 0) {\n"}] },
    { id: 'js-semver7-zero-major', intent: 'flip', exercise: 'unit', expect: "AssertionError", edits: [{"file":"classes/range.js","find":"      debug('no pr')\n      if (M === '0') {\n","replace":"      debug('no pr')\n      if (M !== '0') {\n"}] },
    { id: 'js-semver7-testset-bounds', intent: 'flip', exercise: 'unit', expect: "TypeError", edits: [{"file":"classes/range.js","find":"const testSet = (set, version, options) => {\n  for (let i = 0; i < set.length; i++) {\n","replace":"const testSet = (set, version, options) => {\n  for (let i = 0; i <= set.length; i++) {\n"}] },
  ],
};
