// Remembers model explanations by (incident fingerprint, commit, model, prompt version): an
// in-memory LRU, optionally backed by one JSON file per key in a directory, so re-opening the
// same incident costs no tokens.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROMPT_VERSION } from './prompt';
import type { Explanation } from './types';

export interface ExplanationCacheOptions {
  /** Entries kept in memory; the least recently used goes first. */
  capacity?: number;
  /** Directory for the JSON file cache; no files when absent. */
  dir?: string;
}

export function explanationCacheKey(incidentId: string, sha: string, modelId: string): string {
  return JSON.stringify([incidentId, sha, modelId, PROMPT_VERSION]);
}

interface CacheFile {
  key: string;
  explanation: Explanation;
}

export class ExplanationCache {
  private readonly entries = new Map<string, Explanation>();
  private readonly capacity: number;
  private readonly dir?: string;

  constructor(options: ExplanationCacheOptions = {}) {
    this.capacity = Math.max(1, options.capacity ?? 200);
    this.dir = options.dir;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<Explanation | undefined> {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to mark it most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const fromDisk = await this.readFile(key);
    if (fromDisk) this.remember(key, fromDisk);
    return fromDisk;
  }

  /** Stores in memory and, when a directory is set, on disk; a disk failure only loses the disk copy. */
  async set(key: string, explanation: Explanation): Promise<void> {
    this.remember(key, explanation);
    if (!this.dir) return;
    const file = this.fileFor(key);
    const body: CacheFile = { key, explanation };
    try {
      await mkdir(this.dir, { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(body));
      await rename(temp, file);
    } catch {
      // The cache is an optimisation: an unwritable directory must not fail the explanation.
    }
  }

  private remember(key: string, explanation: Explanation): void {
    this.entries.delete(key);
    this.entries.set(key, explanation);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  private fileFor(key: string): string {
    return join(this.dir!, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  }

  private async readFile(key: string): Promise<Explanation | undefined> {
    if (!this.dir) return undefined;
    try {
      const parsed = JSON.parse(await readFile(this.fileFor(key), 'utf8')) as Partial<CacheFile>;
      // Guards against hash collisions and hand-edited or foreign files.
      if (parsed.key !== key || typeof parsed.explanation?.summary !== 'string' || !Array.isArray(parsed.explanation.suspectLines)) return undefined;
      return parsed.explanation;
    } catch {
      return undefined;
    }
  }
}
