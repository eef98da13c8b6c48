// Entry point of core/mapping: every frame of an incident → a tracked workspace file and line,
// optionally moved from the release commit to the working tree.

import type { Incident } from '../incident/model';
import { trackLinesToWorkingTree } from './lineTracking';
import { mapFrameToWorkspace } from './mapFrame';
import type { MappedFrame, Workspace } from './model';
import { SourceMapResolver } from './sourceMaps';
import { type WorkspaceIndex, indexWorkspace, isWorkspaceIndex } from './workspaceIndex';

export type { FrameLocation, MappedFrame, PathMapping, Workspace, WorkspaceRoot } from './model';
export { mapFrameToWorkspace, type MapFrameOptions } from './mapFrame';
export { indexWorkspace, type WorkspaceIndex } from './workspaceIndex';
export { listTrackedFiles, loadWorkspace } from './trackedFiles';
export { parseHunks, trackLinesToWorkingTree, translateLine, type Hunk, type LineFate } from './lineTracking';
export { requireInsideRoot, resolveInsideRoot } from './safePath';
export { normalizeFramePath, DEPLOY_PREFIXES } from './framePath';
export { SourceMapResolver } from './sourceMaps';

/**
 * Maps every frame of every exception of the incident (crash site of the reported exception
 * first), then those of the other failures reported with it (marked with `failure`).
 */
export function mapIncident(incident: Incident, workspace: Workspace | WorkspaceIndex): MappedFrame[] {
  const index = isWorkspaceIndex(workspace) ? workspace : indexWorkspace(workspace);
  const sourceMaps = new SourceMapResolver(index);
  const mapped: MappedFrame[] = [];
  [incident.exceptions, ...(incident.otherFailures ?? [])].forEach((chain, failure) => {
    chain.forEach((exception, exceptionIndex) => {
      exception.frames.forEach((frame, frameIndex) => {
        const location = mapFrameToWorkspace(frame, index, { platform: incident.platform, sourceMaps });
        mapped.push({ frame, exceptionIndex, frameIndex, ...(failure > 0 ? { failure } : {}), ...location });
      });
    });
  });
  return mapped;
}

/**
 * The commit the failing build came from: `incident.commit`, else a release named by its commit
 * id (`4f1c2d9`, `shop@4f1c2d9e…`), as Sentry releases often are.
 */
export function releaseRevision(incident: Incident): string | undefined {
  if (incident.commit) return incident.commit;
  const sha = /(?:^|[@+\-_/])([0-9a-f]{7,40})$/i.exec(incident.release ?? '');
  return sha ? sha[1] : undefined;
}

/**
 * mapIncident, then lines moved from the incident's release commit to the working tree with
 * `git diff -U0`, when the incident names one.
 */
export async function mapIncidentToWorkingTree(incident: Incident, workspace: Workspace | WorkspaceIndex): Promise<MappedFrame[]> {
  return trackLinesToWorkingTree(mapIncident(incident, workspace), releaseRevision(incident));
}
