// `npm test`: build, run every suite (unit, VS Code integration, then the .vsix package check), and end with one line
// `N passed, N failed` over all of them. A suite that reported no result counts as a failure,
// so a run that executed nothing can never look green.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const suites = [
  { name: 'unit', command: ['npm', 'run', '--silent', 'test:unit'] },
  { name: 'integration', command: ['npm', 'run', '--silent', 'test:integration'] },
  // Packs the .vsix as `npm run package` does (the build is already done) and checks its contents.
  { name: 'package', command: [process.execPath, join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--config', 'test/package/mocharc.json'] },
];

function npmRun(script, env = {}) {
  return run(['npm', 'run', '--silent', script], env);
}

function run([command, ...args], env = {}) {
  const r = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CAUSELENS_RESULTS_DIR: resultsDir, ...env },
  });
  return r.status ?? 1;
}

let exitCode = npmRun('build');
const built = exitCode === 0;
if (!built) console.error('build failed');
let passed = 0;
let failed = 0;
for (const suite of suites) {
  // Every suite runs even when an earlier one failed; only a failed build skips them.
  const code = built ? run(suite.command, { CAUSELENS_SUITE: suite.name }) : 1;
  const file = join(resultsDir, `${suite.name}.json`);
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.passed;
    failed += r.failed;
    console.log(`${suite.name}: ${r.passed} passed, ${r.failed} failed`);
  } else {
    failed += 1;
    console.log(`${suite.name}: reported no results (exit code ${code}); counted as 1 failure`);
  }
  if (code !== 0) exitCode = code || 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode !== 0 || failed > 0 ? 1 : 0);
