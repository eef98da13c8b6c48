// The guarantee that nothing a frame says can make CauseLens read outside the workspace:
// every file path is resolved inside its root, with `..` and symlinks that leave it refused.

import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { CauseLensError } from '../errors';

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest when `p` does not exist. */
function realOrSelf(p: string): string {
  let rest = '';
  for (let current = p; ; ) {
    try {
      return path.join(realpathSync.native(current), rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return p;
      rest = path.join(path.basename(current), rest);
      current = parent;
    }
  }
}

/**
 * Resolves a workspace-relative posix path inside `root`, following symlinks, or returns
 * undefined when the path is absolute, climbs out with `..`, or a symlink leads outside the root.
 */
export function resolveInsideRoot(root: string, relativePath: string): string | undefined {
  if (!relativePath || relativePath.includes('\0')) return undefined;
  if (path.isAbsolute(relativePath) || /^[A-Za-z]:/.test(relativePath) || relativePath.startsWith('\\')) return undefined;
  const realRoot = realOrSelf(path.resolve(root));
  const joined = path.resolve(realRoot, ...relativePath.split(/[\\/]/));
  if (!isInside(realRoot, joined)) return undefined;
  // A symlink (the file or any folder on the way) may point elsewhere: check where it really is.
  return isInside(realRoot, realOrSelf(joined)) ? joined : undefined;
}

/** Like resolveInsideRoot, but throws an 'outside-workspace' CauseLensError instead of returning undefined. */
export function requireInsideRoot(root: string, relativePath: string): string {
  const resolved = resolveInsideRoot(root, relativePath);
  if (!resolved) {
    throw new CauseLensError('outside-workspace', `The path "${relativePath}" points outside the workspace folder ${root}; CauseLens only reads files inside the workspace.`);
  }
  return resolved;
}
