// Lists the files git tracks in a workspace root (`git ls-files -z`, through core/git's one
// safe git runner) and builds the Workspace the mapper reads.

import * as path from 'node:path';
import { CauseLensError, isCauseLensError } from '../errors';
import { runGit } from '../git/gitClient';
import type { PathMapping, Workspace, WorkspaceRoot } from './model';

/** The workspace-relative posix paths git tracks under `root`. */
export async function listTrackedFiles(root: string): Promise<string[]> {
  try {
    // Run in the root itself: paths come out relative to it even when it is a sub-folder of the repository.
    return (await runGit(root, ['ls-files', '-z'])).split('\0').filter((f) => f.length > 0);
  } catch (e) {
    if (isCauseLensError(e) && e.reason === 'not-found' && /not inside a git repository/.test(e.message)) {
      throw new CauseLensError('not-found', `${root} is not inside a git repository. Open the repository the incident's service is built from.`, { cause: e });
    }
    throw e;
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
