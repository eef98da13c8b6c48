// `npm run bench`: builds the accuracy corpus (reusing its cache), measures accuracy on its test
// part against two baselines, measures speed and scale, and writes BENCHMARKS.md.
// `npm run bench -- --fit` also writes the weights fitted on the training part to
// src/core/analysis/weights.json (the shipped model).

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { HypothesisPool } from '../src/core/analysis/pool';
import { accuracyReport, evaluateCase, fitOnTraining, loadCorpus, metrics, rankUnderModel, type CaseOutcome, type OtherWindow, type WindowMode } from './accuracy';
import { measurePromptTokens } from './explainTokens';

const root = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const started = Date.now();
  const corpusDir = join(process.env.CAUSELENS_CACHE ?? join(homedir(), '.cache', 'causelens'), 'bench-corpus');
  const sections: string[] = [];

  if (!argv.includes('--skip-accuracy')) {
    const built = spawnSync(process.execPath, [join(root, 'bench', 'corpus', 'build.mjs'), '--out', corpusDir], { stdio: 'inherit' });
    if (built.status !== 0) console.error('corpus build reported failures; measuring the cases that were built');
    const cases = loadCorpus(corpusDir);
    const pool = new HypothesisPool({ workers: 2 });
    const outcomes: CaseOutcome[] = [];
    const otherWindows: (OtherWindow & { mode: WindowMode; outcomes: CaseOutcome[] })[] = [
      { mode: 'defaults', label: 'Same, window from the CLI defaults (no release bound; culprit may fall outside)', outcomes: [] },
      { mode: 'narrow', label: 'Same, culprit mostly older than the window: the last day, at most 20 commits ({outside} culprits outside it), plus the default 100 older commits of the related code', outcomes: [] },
      { mode: 'narrow-alone', label: 'Same narrow window without the older commits of the related code (blame still adds the commits that wrote frame lines)', outcomes: [] },
      { mode: 'all', label: 'Same, `--window all` (whole history, only commits touching the related code)', outcomes: [] },
    ];
    let tokens = '';
    try {
      for (const c of cases) {
        const o = await evaluateCase(c, pool);
        outcomes.push(o);
        console.log(`${o.id.padEnd(40)} ${o.split} culprit ${o.culpritIndex < 0 ? 'not a candidate' : `among ${o.features.length}`} ${o.error ?? ''}`);
      }
      for (const w of otherWindows) for (const c of cases.filter((x) => x.split === 'test')) w.outcomes.push(await evaluateCase(c, pool, w.mode));
      tokens = await measurePromptTokens(cases.filter((c) => c.split === 'test'), pool);
    } finally {
      await pool.close();
    }
    const fitted = fitOnTraining(outcomes);
    if (argv.includes('--fit')) {
      const training = outcomes.filter((o) => o.split === 'train').length;
      writeFileSync(join(root, 'src', 'core', 'analysis', 'weights.json'), `${JSON.stringify({ note: `Fitted by \`npm run bench -- --fit\` on the ${training} training cases of the corpus only.`, temperature: fitted.temperature, weights: fitted.weights }, null, 2)}\n`);
    }
    const train = metrics(outcomes.filter((o) => o.split === 'train').map((o) => rankUnderModel(o, fitted)));
    sections.push(
      '## Accuracy (test part of the corpus)',
      '',
      `${cases.length} incidents: ${outcomes.filter((o) => o.split === 'train').length} training, ${outcomes.filter((o) => o.split === 'test').length} test. Stack traces come from really running each repository's code at the incident revision; see bench/corpus.`,
      '',
      accuracyReport(outcomes, fitted, otherWindows),
      '',
      `(On the training part, for reference only: Top-1 ${(train.top1 * 100).toFixed(1)}%, MRR ${train.mrr.toFixed(3)}.)`,
      '',
      '## Explanations',
      '',
      tokens,
      '',
    );
  }

  if (!argv.includes('--skip-history')) {
    const history = spawnSync(process.execPath, [join(__dirname, 'history.bench.js'), '--runs', '3'], { encoding: 'utf8' });
    sections.push('## History read (2,000-commit window)', '', history.status === 0 ? history.stdout.trim() : `failed: ${history.stderr}`, '');
  }

  if (!argv.includes('--skip-speed')) {
    // In a fresh process, so its peak memory is the investigation's and not the accuracy run's.
    const speed = spawnSync(process.execPath, [join(__dirname, 'speed.js')], { encoding: 'utf8' });
    sections.push('## Speed and scale (generated repository, 120 files, 5 authors)', '', speed.status === 0 ? speed.stdout.trim() : `failed: ${speed.stderr}`, '');
  }

  const header = [
    '# CauseLens benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${process.platform}, Node ${process.version}, ${Math.round((Date.now() - started) / 1000)} s). Times are from one run on a shared 2-core machine: compare the ratios measured side by side, not absolute figures across runs.`,
    '',
  ];
  writeFileSync(join(root, 'BENCHMARKS.md'), [...header, ...sections].join('\n'));
  console.log(`wrote BENCHMARKS.md in ${Math.round((Date.now() - started) / 1000)} s`);
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
