// node-gyp 8-11: the JavaScript CLI plus its vendored gyp (gyp/pylib, ~25k lines of Python) over
// 23 releases. Exercises: a smoke script generating build files with six generators, and a
// unittest module checking gyp helpers (its failures show only test frames).
export default {
  project: {
    id: 'nodegyp',
    pkg: 'node-gyp',
    language: 'python',
    include: (p) => !p.startsWith('node_modules/') && !p.startsWith('gyp/data/'),
    releaseMessage: (v) => `chore(main): release ${v}`,
  },
  versions: { from: '8.0.0', to: '11.5.0' },
  density: [1, 5],
  exercises: {
    app: { kind: 'python', entry: 'test/smoke/generate_projects.py', files: [['test/smoke/generate_projects.py', 'generate_projects.py']], message: 'test: smoke-test the gyp generators' },
    unit: { kind: 'python', entry: 'test/smoke/test_gyp_helpers.py', files: [['test/smoke/test_gyp_helpers.py', 'test_gyp_helpers.py']], message: 'test: cover the gyp helpers node-gyp uses' },
  },
  expect: 'Error',
  cases: [],
};
