// Small file-system helpers for the corpus builder.
import { readdir, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** All files under `root` ending with `ext`, sorted. */
export async function globSources(root, ext) {
  const out = [];
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith(ext)) out.push(full);
    }
  }
  await walk(root);
  return out.sort();
}

/** Writes a tree (Map path -> Buffer) below `dir`. */
export async function writeTree(dir, tree) {
  for (const [file, content] of tree) {
    const full = path.join(dir, file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, content);
  }
}
