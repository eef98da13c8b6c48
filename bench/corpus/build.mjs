#!/usr/bin/env node
// Builds CauseLens's accuracy corpus: for every case spec under cases/, a git repository made from
// real published versions of a package, an injected regression and the real crash it causes.
// Usage: node bench/corpus/build.mjs [--only id[,id]] [--jobs N] [--out dir]
import { readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageMeta, ensureTarballs, readVersionFiles } from './lib/registry.mjs';
import { selectVersions } from './lib/versions.mjs';
import { buildCase, reusableManifest } from './lib/buildCase.mjs';
import { globSources } from './lib/files.mjs';
import { loadCaseModules, expandCase } from './lib/caseModules.mjs';
import { assignSplits } from './lib/split.mjs';
import { printSummary } from './lib/summary.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

async function loadSpecs() {
  const specs = [];
  for (const module of await loadCaseModules(HERE)) {
    for (const c of module.cases) specs.push({ project: module.project, spec: expandCase(module, c) });
  }
  return specs;
}

async function builderHash() {
  const hash = createHash('sha256');
  for (const file of [...(await globSources(path.join(HERE, 'lib'), '.mjs')), ...(await globSources(path.join(HERE, 'java-shims'), '.java'))]) {
    hash.update(file.slice(HERE.length)).update(await readFile(file));
  }
  return hash.digest('hex');
}

/** Runs `task` over `items` with at most `jobs` in flight. */
async function pool(items, jobs, task) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]);
      }
    }),
  );
  return results;
}

async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' }, jobs: { type: 'string' }, out: { type: 'string' } } });
  const cacheRoot = process.env.CAUSELENS_CACHE ?? path.join(os.homedir(), '.cache', 'causelens');
  const outDir = values.out ?? path.join(cacheRoot, 'bench-corpus');
  const jobs = Number(values.jobs ?? 2);
  const all = await loadSpecs();
  const ids = new Set(all.map(({ spec }) => spec.id));
  if (ids.size !== all.length) throw new Error('duplicate case ids');
  const splits = assignSplits(all.map(({ spec }) => ({ id: spec.id, language: spec.language })));
  const only = values.only ? new Set(values.only.split(',')) : null;
  const selected = only ? all.filter(({ spec }) => only.has(spec.id)) : all;
  const started = Date.now();
  const versionsOf = new Map();
  for (const { project, spec } of selected) {
    const meta = await packageMeta(cacheRoot, project.pkg);
    const versions = selectVersions(meta, spec.versions);
    await ensureTarballs(cacheRoot, project.pkg, versions.map((v) => v.version));
    versionsOf.set(spec.id, versions);
  }
  const toolHash = await builderHash();
  const failures = [];
  const results = await pool(selected, jobs, async ({ project, spec }) => {
    const specHash = createHash('sha256').update(toolHash).update(JSON.stringify(spec)).update(String(project.include)).digest('hex');
    try {
      const caseDir = path.join(outDir, spec.id);
      const existing = await reusableManifest(caseDir, specHash, splits.get(spec.id));
      if (existing) {
        console.log(`reused ${spec.id}`);
        return existing;
      }
      const versions = [];
      for (const v of versionsOf.get(spec.id)) versions.push({ ...v, files: await readVersionFiles(cacheRoot, project.pkg, v.version, project.include) });
      const t0 = Date.now();
      const result = await buildCase({ spec, project, versions, caseDir, cacheRoot, specHash, split: splits.get(spec.id) });
      console.log(`built  ${spec.id} (${result.manifest.window.candidates} candidates, ${result.manifest.crash.relation}) ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      return result.manifest;
    } catch (error) {
      failures.push({ id: spec.id, error });
      console.error(`FAILED ${spec.id}: ${error.message}`);
      return null;
    }
  });
  const manifests = results.filter(Boolean);
  await mkdir(outDir, { recursive: true });
  if (!only) {
    // Cases removed from the specs must not linger in the corpus a benchmark iterates over.
    for (const entry of await readdir(outDir, { withFileTypes: true })) {
      if (entry.isDirectory() && !ids.has(entry.name)) await rm(path.join(outDir, entry.name), { recursive: true, force: true });
    }
    const index = manifests.map((m) => ({ id: m.id, language: m.language, split: m.split, dir: m.id }));
    await writeFile(path.join(outDir, 'index.json'), JSON.stringify({ cases: index }, null, 2) + '\n');
  }
  printSummary(manifests, { seconds: (Date.now() - started) / 1000, outDir });
  if (failures.length > 0) {
    console.error(`${failures.length} case(s) failed: ${failures.map((f) => f.id).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
