// Reads file contents at a revision, many at a time through one `git cat-file --batch`, with
// the blob id that parse caches key on.

import { CauseLensError } from '../errors';
import { createGitClient, type GitRepository } from './gitClient';

export interface BlobRequest {
  rev: string;
  /** Repository-relative path with forward slashes. */
  path: string;
}

export interface BlobContent extends BlobRequest {
  /** Git object id of the blob: the same content has the same id in every commit. */
  blobId: string;
  /** UTF-8 text; undefined for a binary file (NUL in the first 8 KiB). */
  text: string | undefined;
}

/** Rejects paths that could name something outside the repository. */
export function assertRepositoryPath(path: string): void {
  const parts = path.split('/');
  if (path === '' || path.startsWith('/') || /^[a-z]:/i.test(path) || parts.includes('..') || path.includes('\\') || path.includes('\n')) {
    throw new CauseLensError('outside-workspace', `Refusing to read ${JSON.stringify(path)}: not a path inside the repository.`);
  }
}

function assertRev(rev: string): void {
  if (!/^[\w./@^~+-]+$/.test(rev) || rev.startsWith('-')) throw new CauseLensError('bad-input', `Not a revision: ${JSON.stringify(rev)}`);
}

/** Contents of each requested file; a file missing at its revision gives undefined in its slot. */
export async function readBlobsAtRevisions(
  repo: GitRepository,
  requests: readonly BlobRequest[],
  signal?: AbortSignal,
): Promise<(BlobContent | undefined)[]> {
  if (requests.length === 0) return [];
  for (const r of requests) {
    assertRev(r.rev);
    assertRepositoryPath(r.path);
  }
  const input = requests.map((r) => `${r.rev}:${r.path}\n`).join('');
  let output: Buffer;
  try {
    // cat-file prints raw blobs (no textconv or filters unless asked), so it cannot run programs.
    output = await createGitClient(repo.root, { signal, input }).binaryCatFile(['--batch']);
  } catch (error) {
    if (signal?.aborted) throw new CauseLensError('cancelled', 'Reading files from git was cancelled.', { cause: error });
    throw new CauseLensError('internal', `git cat-file failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return parseBatchOutput(output, requests);
}

function parseBatchOutput(output: Buffer, requests: readonly BlobRequest[]): (BlobContent | undefined)[] {
  const results: (BlobContent | undefined)[] = [];
  let offset = 0;
  for (const request of requests) {
    const eol = output.indexOf(10, offset);
    if (eol === -1) throw new CauseLensError('internal', 'git cat-file output ended early.');
    const header = output.toString('utf8', offset, eol).split(' ');
    offset = eol + 1;
    if (header.length !== 3) {
      results.push(undefined); // "<name> missing" or "ambiguous"
      continue;
    }
    const [blobId, type, sizeText] = header;
    const size = Number(sizeText);
    const body = output.subarray(offset, offset + size);
    offset += size + 1;
    if (type !== 'blob') {
      results.push(undefined);
      continue;
    }
    const binary = body.subarray(0, 8192).includes(0);
    results.push({ ...request, blobId, text: binary ? undefined : body.toString('utf8') });
  }
  return results;
}

/** One file at one revision; undefined when it does not exist there. */
export async function readBlobAtRevision(
  repo: GitRepository,
  rev: string,
  path: string,
  signal?: AbortSignal,
): Promise<BlobContent | undefined> {
  const [blob] = await readBlobsAtRevisions(repo, [{ rev, path }], signal);
  return blob;
}
