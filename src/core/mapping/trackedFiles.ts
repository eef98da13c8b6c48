// Lists the files git tracks in a workspace root (`git ls-files -z`) and builds the Workspace
// the mapper reads; git runs with repository-configured programs switched off.

import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { CauseLensError } from '../errors';
import type { PathMapping, Workspace, WorkspaceRoot } from './model';

/** Options that stop a repository's own config from running programs during our git calls. */
export const SAFE_GIT_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'diff.external=', '-c', 'core.pager=cat'];

export interface GitResult {
  stdout: string;
  stderr: string;
}

/** Runs git in `cwd`; rejects with the git error (callers turn it into a CauseLensError). */
export function runGit(cwd: string, args: string[], timeoutMs = 30_000): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...SAFE_GIT_CONFIG, ...args],
      { cwd, maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr: String(stderr) }));
        else resolve({ stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** The workspace-relative posix paths git tracks under `root`. */
export async function listTrackedFiles(root: string): Promise<string[]> {
  try {
    // Run in the root itself: paths come out relative to it even when it is a sub-folder of the repository.
    const { stdout } = await runGit(root, ['ls-files', '-z']);
    return stdout.split('\0').filter((f) => f.length > 0);
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? '';
    if (/not a git repository/i.test(stderr)) {
      throw new CauseLensError('not-found', `${root} is not inside a git repository. Open the repository the incident's service is built from.`, { cause: e });
    }
    throw new CauseLensError('internal', `git ls-files failed in ${root}: ${stderr.trim() || (e as Error).message}. Check that git is installed and the folder is readable.`, { cause: e });
  }
}

/** Builds a Workspace from root folders, listing each one's tracked files. */
export async function loadWorkspace(rootPaths: string[], pathMappings: PathMapping[] = []): Promise<Workspace> {
  const roots: WorkspaceRoot[] = [];
  for (const root of rootPaths) {
    const absolute = path.resolve(root);
    roots.push({ path: absolute, name: path.basename(absolute), trackedFiles: await listTrackedFiles(absolute) });
  }
  return { roots, pathMappings };
}
