#!/usr/bin/env node
// Development tool: looks for shortcuts a ranker could learn from the built corpus, e.g. the
// culprit always being the smallest commit or the newest commit touching the crash frame's file.
// Usage: node bench/corpus/tools/audit.mjs [corpus dir]
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = process.argv[2] ?? path.join(process.env.CAUSELENS_CACHE ?? path.join(os.homedir(), '.cache', 'causelens'), 'bench-corpus');
const git = (repo, args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

function windowStats(c) {
  const log = git(c.repoPath, ['log', '--format=@%H', '--numstat', `${c.window.since}..${c.incident.revision}`]);
  const sizes = new Map();
  const touches = new Map();
  let current;
  for (const line of log.split('\n')) {
    if (line.startsWith('@')) {
      current = line.slice(1);
      sizes.set(current, 0);
      touches.set(current, []);
      continue;
    }
    const m = /^(\d+|-)\t(\d+|-)\t(.+)$/.exec(line);
    if (!m || !current) continue;
    sizes.set(current, sizes.get(current) + (Number(m[1]) || 0) + (Number(m[2]) || 0));
    touches.get(current).push(m[3]);
  }
  return { sizes, touches, order: [...sizes.keys()] };
}

const rows = [];
for (const id of readdirSync(root)) {
  const file = path.join(root, id, 'case.json');
  if (!existsSync(file)) continue;
  const c = JSON.parse(readFileSync(file, 'utf8'));
  const { sizes, touches, order } = windowStats(c);
  const culpritSize = sizes.get(c.culprit.sha);
  const crashFile = c.crash.frame?.file;
  const touchingCrash = crashFile ? order.filter((sha) => touches.get(sha).includes(crashFile)) : [];
  rows.push({
    sizeRank: [...sizes.values()].filter((s) => s < culpritSize).length / order.length,
    newestTouchingCrashFile: touchingCrash[0] === c.culprit.sha,
    crashFileTouchers: touchingCrash.length,
  });
}
const share = (pred) => `${rows.filter(pred).length}/${rows.length}`;
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`culprit is the smallest commit in its window: ${share((r) => r.sizeRank === 0)}`);
console.log(`culprit is within the smallest 10%: ${share((r) => r.sizeRank < 0.1)}`);
console.log(`culprit is the newest commit touching the crash frame's file: ${share((r) => r.newestTouchingCrashFile)}`);
console.log(`median commits in the window touching the crash frame's file: ${median(rows.map((r) => r.crashFileTouchers))}`);
