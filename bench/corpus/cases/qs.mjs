// qs 6.5-6.9: parse.js, stringify.js, utils.js and formats.js over 26 releases (including
// back-ported patch releases). Exercises: a request handler script and a node:test suite.
export default {
  project: {
    id: 'qs',
    pkg: 'qs',
    language: 'javascript',
    include: (p) => !p.startsWith('node_modules/') && !p.startsWith('dist/'),
    releaseMessage: (v) => `v${v}`,
  },
  versions: { from: '6.5.0', to: '6.9.7' },
  density: [1, 5],
  exercises: {
    app: { kind: 'node', entry: 'examples/handler.js', files: [['examples/handler.js', 'handler.js']], message: '[Docs] add a request handler example' },
    unit: { kind: 'node-test', entry: 'test/query.node-test.js', files: [['test/query.node-test.js', 'query.test.js']], message: '[Tests] cover the options the HTTP layer relies on' },
  },
  expect: 'Error',
  cases: [
    { id: 'js-qs-utils-decode', intent: 'rename', expect: "TypeError", edits: [{"file":"lib/utils.js","rename":{"from":"decode","to":"decodeImpl","exceptLine":null}}] },
    { id: 'js-qs-utils-isbuffer', intent: 'rename', expect: "TypeError", edits: [{"file":"lib/utils.js","rename":{"from":"isBuffer","to":"looksBuffer","exceptLine":null}}] },
    { id: 'js-qs-utils-combine', intent: 'rename', expect: "TypeError", edits: [{"file":"lib/utils.js","rename":{"from":"combine","to":"combineImpl","exceptLine":null}}] },
    { id: 'js-qs-parse-object', intent: 'rename', expect: "ReferenceError", edits: [{"file":"lib/parse.js","rename":{"from":"parseObject","to":"readObject","exceptLine":"return parseObject(keys, val, options, valuesParsed);"}}] },
    { id: 'js-qs-parse-values-options', intent: 'drop', expect: "TypeError", edits: [{"file":"lib/parse.js","find":"\n    var tempObj = typeof str === 'string' ? parseValues(str, options) : str;\n","replace":"\n    var tempObj = typeof str === 'string' ? parseValues(str) : str;\n"}] },
    { id: 'js-qs-stringify-push', intent: 'rename', expect: "ReferenceError", edits: [{"file":"lib/stringify.js","rename":{"from":"pushToArray","to":"pushToArrayImpl","exceptLine":"pushToArray(values, stringify("}}] },
    { id: 'js-qs-compact-queue', intent: 'rename', expect: "ReferenceError", edits: [{"file":"lib/utils.js","rename":{"from":"compactQueue","to":"compactQueueImpl","exceptLine":"compactQueue(queue);"}}] },
    { id: 'js-qs-array-value', intent: 'rename', expect: "ReferenceError", edits: [{"file":"lib/parse.js","rename":{"from":"parseArrayValue","to":"readArrayValue","exceptLine":"parseArrayValue(part.slice(pos + 1), options),"}}] },
    { id: 'js-qs-parts-loop', intent: 'flip', exercise: 'unit', expect: "TypeError", edits: [{"file":"lib/parse.js","find":"\n    for (i = 0; i < parts.length; ++i) {\n","replace":"\n    for (i = 0; i <= parts.length; ++i) {\n"}] },
    { id: 'js-qs-depth-option', intent: 'flip', exercise: 'unit', expect: "AssertionError", edits: [{"file":"lib/parse.js","find":"        // eslint-disable-next-line no-implicit-coercion, no-extra-parens\n        depth: (typeof opts.depth === 'number' || opts.depth === false) ? +opts.depth : defaults.depth,\n","replace":"        // eslint-disable-next-line no-implicit-coercion, no-extra-parens\n        depth: (typeof opts.depth !== 'number' || opts.depth === false) ? +opts.depth : defaults.depth,\n"}] },
    { id: 'js-qs-skip-undefined', intent: 'flip', exercise: 'unit', expect: "AssertionError", edits: [{"file":"lib/stringify.js","find":"\n    if (typeof obj === 'undefined') {\n","replace":"\n    if (typeof obj !== 'undefined') {\n"}] },
    { id: 'js-qs-array-index', intent: 'flip', exercise: 'unit', expect: "AssertionError", edits: [{"file":"lib/parse.js","find":"                && String(index) === cleanRoot\n                && index >= 0\n","replace":"                && String(index) === cleanRoot\n                && index > 0\n"}] },
  ],
};
