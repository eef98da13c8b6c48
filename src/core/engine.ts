// Default wiring of the pipeline's stages for a repository on disk: how frames are located at
// the incident revision and how syntax trees are queried. The CLI, the extension and the
// benchmark all investigate through these.

import type { CodeModel, LocatedFrame } from './analysis/context';
import type { GitRepository } from './git';
import { runGit } from './git/gitClient';
import type { Incident } from './incident/model';

const DEPLOY_PREFIX = /^(?:file:\/\/|webpack:\/\/\/?(?:\.\/)?|app:\/\/\/|\/usr\/src\/app\/|\/app\/)/;

/** Frames of the incident found among the files of the revision, by the longest path suffix. */
export async function locateFramesAtRevision(incident: Incident, repo: GitRepository, revision: string): Promise<LocatedFrame[]> {
  const files = (await runGit(repo, ['ls-tree', '-r', '-z', '--name-only', revision])).split('\0').filter(Boolean);
  const located: LocatedFrame[] = [];
  incident.exceptions.forEach((exception, exceptionIndex) => {
    exception.frames.forEach((frame, frameIndex) => {
      if (!frame.inApp || frame.line === undefined) return;
      const path = longestSuffixMatch(frame.file.replace(DEPLOY_PREFIX, '').replace(/\\/g, '/'), files);
      if (path) located.push({ exceptionIndex, frameIndex, path, line: frame.line, ...(frame.function ? { function: frame.function } : {}) });
    });
  });
  return located;
}

function longestSuffixMatch(framePath: string, files: readonly string[]): string | undefined {
  const parts = framePath.split('/').filter((p) => p && p !== '.');
  for (let i = 0; i < parts.length; i++) {
    const suffix = parts.slice(i).join('/');
    const hit = files.find((f) => f === suffix || f.endsWith(`/${suffix}`));
    if (hit) return hit;
  }
  return undefined;
}

/** Syntax-tree queries at the revision (symbols come with core/ast). */
export function createCodeModel(_repo: GitRepository, _revision: string): CodeModel {
  return {
    enclosingSymbol: async () => undefined,
    callNeighbours: async () => [],
  };
}
