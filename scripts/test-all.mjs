// `npm test`: build, run every suite (unit, then VS Code integration), and end with one line
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
  { name: 'unit', script: 'test:unit' },
  { name: 'integration', script: 'test:integration' },
];

function npmRun(script, env = {}) {
  const r = spawnSync('npm', ['run', '--silent', script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CAUSELENS_RESULTS_DIR: resultsDir, ...env },
  });
  return r.status ?? 1;
}

let exitCode = npmRun('build');
if (exitCode !== 0) console.error('build failed');
let passed = 0;
let failed = 0;
for (const suite of suites) {
  const code = exitCode === 0 ? npmRun(suite.script, { CAUSELENS_SUITE: suite.name }) : 1;
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
