// Public surface of the history stage: candidate window, streamed diffs, blame and file contents.

export * from './model';
export { openRepository, resolveCommit, resolveHead, isShallowRepository, lookUpCommits, runGit, SAFE_GIT_CONFIG, SAFE_DIFF_FLAGS } from './gitClient';
export type { GitRepository } from './gitClient';
export { selectCandidateWindow, type CandidateWindowOptions } from './window';
export { streamCommitDiffs, readCommitDiffs, logPatchArgs, type StreamCommitDiffsOptions, type CommitSelection } from './commitStream';
export { blameLines, parsePorcelainBlame, type BlameOptions } from './blame';
export { readBlobAtRevision, readBlobsAtRevisions, assertRepositoryPath, type BlobContent, type BlobRequest } from './blob';
export { isFormattingOnly, parseIgnoreRevs, readIgnoreRevs, BLAME_IGNORE_FILE } from './formatting';
export { LogPatchParser, unquoteGitPath, LOG_FORMAT } from './patchParser';
