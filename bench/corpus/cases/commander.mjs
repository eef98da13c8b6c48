// commander 6-8: one growing index.js (~2,000 lines) over 11 releases with large refactors
// (options moved off the program object in 7.0). Exercise: a deploy tool's CLI smoke run.
export default {
  project: {
    id: 'commander',
    pkg: 'commander',
    language: 'javascript',
    include: (p) => !p.startsWith('node_modules/'),
    releaseMessage: (v) => `Release ${v}`,
  },
  versions: { from: '6.0.0', to: '8.3.0' },
  density: [8, 20],
  exercises: {
    app: { kind: 'node', entry: 'examples/deployctl.js', files: [['examples/deployctl.js', 'cli.js']], message: 'Add a realistic multi-command example' },
  },
  expect: 'Error',
  cases: [],
};
