// Builds real git histories for the integration tests with the system git (test set-up only):
// the sample workspace's own history and small repositories in temp folders, each with one culprit.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface HistoryCommit {
  message: string;
  author: string;
  /** Path -> full new content. */
  files: Record<string, string>;
}

const DAY_MS = 86_400_000;

/** Commits `commits` in order into `dir` (made a repository if it is not one), one day apart, ending an hour ago. */
export function commitHistory(dir: string, commits: readonly HistoryCommit[]): string[] {
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env } }).trim();
  if (!existsSync(join(dir, '.git'))) git(['init', '-q', '-b', 'main']);
  const start = Date.now() - 3_600_000 - commits.length * DAY_MS;
  return commits.map((commit, i) => {
    for (const [path, content] of Object.entries(commit.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    git(['add', '--', ...Object.keys(commit.files)]);
    const date = new Date(start + i * DAY_MS).toISOString();
    const email = `${commit.author.toLowerCase()}@example.com`;
    git(['commit', '-q', '-m', commit.message], {
      GIT_AUTHOR_NAME: commit.author, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: commit.author, GIT_COMMITTER_EMAIL: email, GIT_COMMITTER_DATE: date,
    });
    return git(['rev-parse', 'HEAD']);
  });
}

export function newTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
