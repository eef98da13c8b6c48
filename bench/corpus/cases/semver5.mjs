// semver 5.x: one 1,500-line module (semver.js) over 16 releases; the exercise is a dependency
// resolver script an application would ship.
export default {
  project: {
    id: 'semver5',
    pkg: 'semver',
    language: 'javascript',
    include: (p) => !p.startsWith('node_modules/'),
    releaseMessage: (v) => v,
  },
  versions: { from: '5.0.0', to: '5.7.2' },
  density: [2, 6],
  exerciseStep: '5.1.0',
  exercises: {
    app: { kind: 'node', entry: 'examples/resolve.js', files: [['examples/resolve.js', 'resolve.js']], message: 'add an example that resolves dependency ranges' },
  },
  expect: 'Error',
  cases: [
    { id: 'js-semver5-outside-bound', intent: 'drop', expect: "TypeError", edits: [{"file":"semver.js","find":"      }\n      high = high || comparator\n","replace":"      }\n"}] },
    { id: 'js-semver5-compare-main', intent: 'rename', expect: "ReferenceError", edits: [{"file":"semver.js","rename":{"from":"compareIdentifiers","to":"cmpIdentifiers","exceptLine":"return compareIdentifiers(this.major, other.major) ||"}}] },
    { id: 'js-semver5-diff-eq', intent: 'drop', edits: [{"file":"semver.js","find":"function diff (version1, version2) {\n  if (eq(version1, version2)) {\n","replace":"function diff (version1, version2) {\n  if (eq(version1)) {\n"}] },
    { id: 'js-semver5-caret-options', intent: 'drop', edits: [{"file":"semver.js","find":"  return comp.trim().split(/\\s+/).map(function (comp) {\n    return replaceCaret(comp, options)\n","replace":"  return comp.trim().split(/\\s+/).map(function (comp) {\n    return replaceCaret(comp)\n"}] },
    { id: 'js-semver5-range-test', intent: 'rename', expect: "ReferenceError", edits: [{"file":"semver.js","rename":{"from":"testSet","to":"checkSet","exceptLine":"if (testSet(this.set[i], version, this.options)) {"}}] },
    { id: 'js-semver5-diff-parse', intent: 'rename', expect: "ReferenceError", edits: [{"file":"semver.js","rename":{"from":"parse","to":"read","exceptLine":"var v2 = parse(version2)"}}] },
    { id: 'js-semver5-cmp-lte', intent: 'rename', expect: "ReferenceError", edits: [{"file":"semver.js","rename":{"from":"lte","to":"lteImpl","exceptLine":"return lte(a, b, loose)"}}] },
  ],
};
