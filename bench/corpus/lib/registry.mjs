// Fetches package metadata and version tarballs from the npm registry (through the npm CLI) into a
// cache outside the repository, and reads a version's files into memory for the history builder.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, readFile, writeFile, readdir, stat, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

const run = promisify(execFile);

/** Directory holding one package's tarballs and metadata. */
function packageDir(cacheRoot, pkg) {
  return path.join(cacheRoot, 'bench-tarballs', pkg.replace('/', '__'));
}

/** Versions, publish times and maintainers of a package; fetched once, then read from the cache. */
export async function packageMeta(cacheRoot, pkg) {
  const dir = packageDir(cacheRoot, pkg);
  const file = path.join(dir, 'meta.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8'));
  await mkdir(dir, { recursive: true });
  const { stdout } = await run('npm', ['view', pkg, 'versions', 'time', 'maintainers', '--json'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const raw = JSON.parse(stdout);
  const meta = { versions: raw.versions, time: raw.time, maintainers: raw.maintainers ?? [] };
  await writeFile(file + '.tmp', JSON.stringify(meta));
  await rename(file + '.tmp', file);
  return meta;
}

/** Makes sure the tarballs of the given versions are in the cache (one `npm pack` for all missing). */
export async function ensureTarballs(cacheRoot, pkg, versions) {
  const dir = packageDir(cacheRoot, pkg);
  await mkdir(dir, { recursive: true });
  const missing = versions.filter((v) => !existsSync(path.join(dir, `${v}.tgz`)));
  if (missing.length === 0) return;
  const staging = path.join(dir, `staging-${process.pid}-${Date.now()}`);
  await mkdir(staging, { recursive: true });
  try {
    for (let i = 0; i < missing.length; i += 25) {
      const batch = missing.slice(i, i + 25).map((v) => `${pkg}@${v}`);
      const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', staging, ...batch], {
        maxBuffer: 256 * 1024 * 1024,
      });
      for (const entry of JSON.parse(stdout)) {
        await rename(path.join(staging, entry.filename), path.join(dir, `${entry.version}.tgz`));
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Extracts a cached tarball once and returns the directory holding its `package/` contents. */
async function extractedDir(cacheRoot, pkg, version) {
  const dir = path.join(cacheRoot, 'bench-extract', pkg.replace('/', '__'), version);
  if (existsSync(path.join(dir, '.done'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const tgz = path.join(packageDir(cacheRoot, pkg), `${version}.tgz`);
  // Old tarballs use a top folder other than `package/`; strip whatever it is.
  await run('tar', ['-xzf', tgz, '-C', dir, '--strip-components=1', '--no-same-owner', '--no-same-permissions']);
  await writeFile(path.join(dir, '.done'), '');
  return dir;
}

async function walk(root, rel, out) {
  for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(root, child, out);
    else if (entry.isFile() && child !== '.done') out.push(child);
  }
}

/** The files of one published version as a Map path -> Buffer, filtered by `include(path)`. */
export async function readVersionFiles(cacheRoot, pkg, version, include) {
  const dir = await extractedDir(cacheRoot, pkg, version);
  const paths = [];
  await walk(dir, '', paths);
  const files = new Map();
  for (const p of paths.sort()) {
    if (!include(p)) continue;
    const full = path.join(dir, p);
    if ((await stat(full)).size > 2 * 1024 * 1024) continue;
    files.set(p, await readFile(full));
  }
  return files;
}
