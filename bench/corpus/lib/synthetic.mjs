// Everyday commits that do not change behaviour (comments, formatting passes, small helpers not
// yet called, docs, tests, CI config) written by several authors, so a culprit sits among
// realistic unrelated churn, small code commits included.
import { codeLanguage, definitionName, isDocPath, isTestPath, isText } from './text.mjs';
import { TRANSFORMS, TRANSFORMS_BY_LANGUAGE } from './ops.mjs';

const COMMENT_NOTES = [
  (n) => [`${n} is called on every request; keep it allocation-free.`],
  (n) => [`Note: callers rely on ${n} never mutating its arguments.`],
  (n) => [`TODO: ${n} could be split once the old options are removed.`],
  (n) => [`Kept for backwards compatibility; see the changelog before changing ${n}.`],
  (n) => [`${n}: the order of the checks below matters.`, `Cheap checks come first so the common case stays fast.`],
  () => [`See the README for the accepted input formats.`],
  (n) => [`${n} returns early for empty input on purpose.`],
  (n) => [`Performance: ${n} showed up in profiles, avoid regexps here.`],
  () => [`Edge cases are covered by the tests in test/.`],
  (n) => [`FIXME: ${n} does not handle every locale yet.`],
  (n) => [`${n} is part of the public API.`],
  () => [`This mirrors the behaviour of the reference implementation.`],
];

const COMMENT_MESSAGES = [
  (n) => `document ${n}`,
  (n) => `add a note on ${n}`,
  (n) => `explain why ${n} works this way`,
  (n) => `comment ${n} edge cases`,
  (n) => `docs: describe ${n}`,
  (n) => `clarify ${n} comments`,
];

const FORMAT_MESSAGES = {
  trailingWhitespace: (f) => [`strip trailing whitespace in ${f}`, `whitespace cleanup`, `style: trailing whitespace`],
  commentSpaceJs: (f) => [`style: space after // in ${f}`, `lint: spaced-comment`, `format comments`],
  commentSpacePy: (f) => [`style: fix E265 in ${f}`, `flake8: block comment spacing`, `format comments`],
  blankLines: (f) => [`style: collapse blank lines in ${f}`, `remove extra blank lines`, `style: no-multiple-empty-lines`],
  keywordSpacing: (f) => [`style: keyword spacing in ${f}`, `lint: fix keyword-spacing`, `format ${f}`],
  anonymousFunctionSpacing: (f) => [`style: space-before-function-paren`, `format ${f}`, `lint fixes`],
  doubleQuotesJs: (f) => [`prettier: use double quotes in ${f}`, `style: consistent quotes`, `run prettier on ${f}`],
  doubleQuotesPy: (f) => [`black: normalise string quotes in ${f}`, `style: run black on ${f}`, `Format ${f} with black`],
  commaSpacing: (f) => [`style: space after commas in ${f}`, `lint: comma-spacing`, `format ${f}`],
};


const DOC_SNIPPETS = [
  ['README.md', '\n## Troubleshooting\n\nIf results look wrong, check the version you have installed first.\n', 'docs: add a troubleshooting section'],
  ['README.md', '\nContributions are welcome; please add a test with every fix.\n', 'docs: contribution note'],
  ['README.md', '\n### Browser support\n\nThe library has no dependencies and works in every evergreen browser.\n', 'docs: browser support'],
  ['CONTRIBUTING.md', '\n## Running the tests\n\nRun the test suite before opening a pull request.\n', 'docs: how to run the tests'],
  ['CONTRIBUTING.md', '\n## Commit messages\n\nUse the imperative mood and keep the first line short.\n', 'docs: commit message guidelines'],
  ['docs/FAQ.md', '\n### Why is my input rejected?\n\nInputs that do not follow the documented format are rejected early.\n', 'docs: FAQ entry on rejected input'],
  ['docs/FAQ.md', '\n### Is it safe to call concurrently?\n\nYes, no state is shared between calls.\n', 'docs: FAQ entry on concurrency'],
  ['SECURITY.md', '\n## Reporting a vulnerability\n\nPlease report security issues privately to the maintainers.\n', 'add a security policy'],
  ['docs/examples.md', '\n```\n// basic usage\n```\n\nMore examples are in the test folder.\n', 'docs: more examples'],
];

const CONFIG_SNIPPETS = [
  ['.editorconfig', 'root = true\n\n[*]\nindent_style = space\nindent_size = 2\ninsert_final_newline = true\n', 'add editorconfig'],
  ['.gitignore', 'node_modules/\ncoverage/\n.nyc_output/\n', 'chore: ignore coverage output'],
  ['.gitignore', '*.log\n.DS_Store\n', 'chore: ignore logs and OS files'],
  ['.github/workflows/ci.yml', 'name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        node: [18, 20]\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n', 'ci: run the tests on push'],
  ['.github/workflows/ci.yml', 'name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        node: [18, 20, 22]\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n', 'ci: test on node 22'],
  ['.github/dependabot.yml', 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n', 'chore: enable dependabot'],
  ['.github/ISSUE_TEMPLATE/bug_report.md', '---\nname: Bug report\n---\n\n**Version**\n\n**Steps to reproduce**\n\n**Expected behaviour**\n', 'add an issue template'],
];

function codeFiles(tree, { tests }) {
  const out = [];
  for (const [path, buffer] of tree) {
    if (!codeLanguage(path) || isTestPath(path) !== tests || !isText(buffer)) continue;
    if (path.startsWith('node_modules/') || /\.min\.js$/.test(path)) continue;
    out.push(path);
  }
  return out.sort();
}

function commentCommit(tree, rng, files) {
  if (files.length === 0) return null;
  const path = rng.pick(files);
  const language = codeLanguage(path);
  const lines = tree.get(path).toString('utf8').split('\n');
  const anchors = lines.filter((line, i) => definitionName(language, line) && lines.indexOf(line) === i);
  if (anchors.length === 0) return null;
  const anchor = rng.pick(anchors);
  const name = definitionName(language, anchor);
  const prefix = language === 'py' ? '# ' : '// ';
  const note = rng.pick(COMMENT_NOTES)(name).map((text) => prefix + text);
  return { ops: [{ kind: 'insertBefore', file: path, anchor, lines: note }], message: rng.pick(COMMENT_MESSAGES)(name), kind: 'comment' };
}

function formatCommit(tree, rng, files) {
  if (files.length === 0) return null;
  for (let attempt = 0; attempt < 6; attempt++) {
    const path = rng.pick(files);
    const language = codeLanguage(path);
    const name = rng.pick(TRANSFORMS_BY_LANGUAGE[language]);
    const text = tree.get(path).toString('utf8');
    if (TRANSFORMS[name](text) === text) continue;
    const base = path.split('/').pop();
    return { ops: [{ kind: 'transform', file: path, name }], message: rng.pick(FORMAT_MESSAGES[name](base)), kind: 'format' };
  }
  return null;
}

const HELPER_MESSAGES = [
  (n) => `add a describe helper to ${n}`,
  (n) => `${n}: helper for debug output`,
  (n) => `prepare ${n} for better error messages`,
  (n) => `add ${n} formatting helper`,
];

/**
 * A small helper appended to a source file and not called yet: real code lines, as small as most
 * fixes, that change nothing. Only in plain source files (a .gyp file is a Python literal).
 */
function helperCommit(tree, rng, files) {
  const candidates = files.filter((p) => /\.(?:js|cjs|mjs|py|java)$/.test(p));
  if (candidates.length === 0) return null;
  const path = rng.pick(candidates);
  const base = path.split('/').pop().replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9]/g, '');
  const cap = base.charAt(0).toUpperCase() + base.slice(1);
  const language = codeLanguage(path);
  const code =
    language === 'py' ? [`def _describe_${base.toLowerCase()}(value):`, `    return "${base}: %r" % (value,)`]
    : language === 'java' ? [`class ${cap}Describer {`, '    static String describe(Object value) {', `        return "${base}: " + value;`, '    }', '}']
    : [`function describe${cap}(value) {`, `  return '${base}: ' + String(value)`, '}'];
  const text = tree.get(path).toString('utf8');
  if (text.includes(code[0])) return null;
  return { ops: [{ kind: 'append', file: path, text: `${text.endsWith('\n') ? '\n' : '\n\n'}${code.join('\n')}\n` }], message: rng.pick(HELPER_MESSAGES)(base), kind: 'helper' };
}

function docsCommit(tree, rng) {
  const [file, text, message] = rng.pick(DOC_SNIPPETS);
  return { ops: [{ kind: 'append', file, text }], message, kind: 'docs' };
}

function configCommit(tree, rng) {
  const [file, content, message] = rng.pick(CONFIG_SNIPPETS);
  const current = tree.get(file)?.toString('utf8');
  if (current === content) return docsCommit(tree, rng);
  return { ops: [{ kind: 'write', file, content }], message, kind: 'config' };
}

function testCommit(tree, rng) {
  const tests = codeFiles(tree, { tests: true });
  const commit = commentCommit(tree, rng, tests);
  if (!commit) return null;
  return { ...commit, message: rng.pick(['test: explain fixture setup', 'tests: add comments', 'test: document the helpers', 'test: clarify expectations']), kind: 'test' };
}

/**
 * One behaviour-preserving commit chosen by weight; `focusFile`, when given, is preferred for code
 * churn so that later commits bury the culprit under unrelated edits to the same file.
 */
export function syntheticCommit(tree, rng, focusFile) {
  const sources = codeFiles(tree, { tests: false });
  const files = focusFile && tree.has(focusFile) && rng.chance(0.45) ? [focusFile] : sources;
  const kind = rng.weighted([['comment', 30], ['format', 14], ['helper', 16], ['docs', 16], ['test', 12], ['config', 8]]);
  const attempt =
    kind === 'comment' ? commentCommit(tree, rng, files)
    : kind === 'helper' ? helperCommit(tree, rng, files)
    : kind === 'format' ? formatCommit(tree, rng, files)
    : kind === 'test' ? testCommit(tree, rng)
    : kind === 'config' ? configCommit(tree, rng)
    : docsCommit(tree, rng);
  return attempt ?? commentCommit(tree, rng, sources) ?? docsCommit(tree, rng);
}

export function isDocFile(path) {
  return isDocPath(path);
}
