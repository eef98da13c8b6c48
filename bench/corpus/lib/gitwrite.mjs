// Writes a planned history into a fresh git repository in one `git fast-import` pass (fast enough
// for hundreds of commits per case) and returns the commit ids of every planned commit.
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, rm, mkdir } from 'node:fs/promises';
import path from 'node:path';

const run = promisify(execFile);

function formatTz(minutes) {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function dataChunk(content) {
  const body = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return [Buffer.from(`data ${body.length}\n`), body, Buffer.from('\n')];
}

function commitChunks(commit, mark) {
  const who = `${commit.author.name} <${commit.author.email}> ${commit.time} ${formatTz(commit.author.tz)}`;
  const chunks = [Buffer.from(`commit refs/heads/main\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n`), ...dataChunk(commit.message + '\n')];
  if (mark > 1) chunks.push(Buffer.from(`from :${mark - 1}\n`));
  for (const [file, content] of [...commit.changes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (content == null) chunks.push(Buffer.from(`D ${file}\n`));
    else chunks.push(Buffer.from(`M ${content.executable ? '100755' : '100644'} inline ${file}\n`), ...dataChunk(content));
  }
  chunks.push(Buffer.from('\n'));
  if (commit.tag) chunks.push(Buffer.from(`reset refs/tags/${commit.tag}\nfrom :${mark}\n\n`));
  return chunks;
}

/** Creates `repoDir` from scratch with the planned commits on `main`, checked out; returns their ids. */
export async function writeRepository(repoDir, commits) {
  await rm(repoDir, { recursive: true, force: true });
  await mkdir(repoDir, { recursive: true });
  await run('git', ['init', '-q', '-b', 'main', repoDir]);
  const marksFile = path.join(repoDir, '.git', 'causelens-marks');
  await new Promise((resolve, reject) => {
    const child = spawn('git', ['fast-import', '--quiet', `--export-marks=${marksFile}`], { cwd: repoDir, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import failed: ${stderr}`))));
    commits.forEach((commit, i) => {
      for (const chunk of commitChunks(commit, i + 1)) child.stdin.write(chunk);
    });
    child.stdin.end();
  });
  await run('git', ['checkout', '-q', '-f', 'main'], { cwd: repoDir });
  const shas = new Array(commits.length);
  for (const line of (await readFile(marksFile, 'utf8')).split('\n')) {
    const match = /^:(\d+) ([0-9a-f]{40})$/.exec(line);
    if (match) shas[Number(match[1]) - 1] = match[2];
  }
  await rm(marksFile, { force: true });
  return shas;
}
