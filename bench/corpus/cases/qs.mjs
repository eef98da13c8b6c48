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
  cases: [],
};
