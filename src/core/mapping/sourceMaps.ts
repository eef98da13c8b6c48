// Maps a frame in built JavaScript back to its source through the `//# sourceMappingURL=` map
// next to the built file inside the workspace (file, sibling `.map`, or inline data URL).

import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND, TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { StackFrame } from '../incident/model';
import { normalizeFramePath } from './framePath';
import { resolveInsideRoot } from './safePath';
import type { IndexedRoot, WorkspaceIndex } from './workspaceIndex';

/** Where built files usually sit relative to the path the runtime reports. */
const BUILD_DIRS = ['', 'dist/', 'build/', 'out/', 'public/', 'lib/'];
const BUILT_JS = /\.(m?js|cjs)$/;
/** Only the end of a built file is read to find its sourceMappingURL comment. */
const TAIL_BYTES = 64 * 1024;
const MAX_MAP_BYTES = 64 * 1024 * 1024;
const MAPPING_URL = /\/\/[#@]\s*sourceMappingURL=(\S+)\s*$/gm;

export interface OriginalPosition {
  root: IndexedRoot;
  /** The built file, relative to the root. */
  builtFile: string;
  /** The map file relative to the root, or `inline`. */
  mapFile: string;
  /** The original source as the map names it (resolved against the map's location). */
  source: string;
  line: number;
  column?: number;
}

interface LoadedMap {
  map: TraceMap;
  mapFile: string;
}

function readTail(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Resolves frames of built JS through source maps found in the workspace. One instance per
 * mapping run: it caches the maps it has parsed, so create a new one when files may have changed.
 */
export class SourceMapResolver {
  private readonly maps = new Map<string, LoadedMap | null>();
  /** Built files found (or not) per reported path, so a deep stack stats each path once. */
  private readonly builtFiles = new Map<string, { root: IndexedRoot; relative: string; absolute: string } | null>();
  /** Why the map of a built file (by absolute path) could not be used. */
  private readonly problemOf = new Map<string, string>();

  constructor(private readonly index: WorkspaceIndex) {}

  /**
   * The original position of a built-JS frame; `{ problem }` when a built file was found but its
   * map could not be used; undefined when the frame is not built JS found in the workspace.
   */
  resolve(frame: StackFrame): OriginalPosition | { problem: string } | undefined {
    if (frame.line === undefined || frame.line < 1) return undefined;
    const normalized = normalizeFramePath(frame.file);
    if (!BUILT_JS.test(normalized.posix)) return undefined;
    let built = this.builtFiles.get(normalized.posix);
    if (built === undefined) {
      built = this.findBuiltFile(normalized.segments) ?? null;
      this.builtFiles.set(normalized.posix, built);
    }
    if (!built) return undefined;
    const loaded = this.load(built.root, built.relative, built.absolute);
    if (!loaded) {
      const problem = this.problemOf.get(built.absolute);
      return problem ? { problem } : undefined;
    }
    const needle = { line: frame.line, column: Math.max(0, (frame.column ?? 1) - 1) };
    let pos: ReturnType<typeof originalPositionFor>;
    try {
      pos = originalPositionFor(loaded.map, { ...needle, bias: GREATEST_LOWER_BOUND });
      if (pos.source === null) pos = originalPositionFor(loaded.map, { ...needle, bias: LEAST_UPPER_BOUND });
    } catch (e) {
      return { problem: `the source map ${loaded.mapFile} could not be queried (${e instanceof Error ? e.message : String(e)})` };
    }
    if (pos.source === null || pos.line === null) return undefined;
    return {
      root: built.root,
      builtFile: built.relative,
      mapFile: loaded.mapFile,
      source: pos.source,
      line: pos.line,
      column: pos.column === null ? undefined : pos.column + 1,
    };
  }

  /** The longest suffix of the reported path that exists as a file in a root (or its build folder). */
  private findBuiltFile(segments: string[]): { root: IndexedRoot; relative: string; absolute: string } | undefined {
    for (let start = Math.max(0, segments.length - 12); start < segments.length; start++) {
      const tail = segments.slice(start).join('/');
      for (const root of this.index.roots) {
        for (const dir of BUILD_DIRS) {
          const relative = dir + tail;
          const absolute = resolveInsideRoot(root.root.path, relative);
          if (absolute && isFile(absolute)) return { root, relative, absolute };
        }
      }
    }
    return undefined;
  }

  private load(root: IndexedRoot, builtRelative: string, builtAbsolute: string): LoadedMap | undefined {
    const cached = this.maps.get(builtAbsolute);
    if (cached !== undefined) return cached ?? undefined;
    let loaded: LoadedMap | null = null;
    try {
      loaded = this.readMap(root, builtRelative, builtAbsolute);
    } catch (e) {
      this.problemOf.set(builtAbsolute, `the source map of ${builtRelative} could not be read (${e instanceof Error ? e.message : String(e)})`);
    }
    this.maps.set(builtAbsolute, loaded);
    return loaded ?? undefined;
  }

  private readMap(root: IndexedRoot, builtRelative: string, builtAbsolute: string): LoadedMap | null {
    const urls = [...readTail(builtAbsolute).matchAll(MAPPING_URL)].map((m) => m[1]);
    const url = urls[urls.length - 1];
    if (url?.startsWith('data:')) {
      const comma = url.indexOf(',');
      const payload = url.slice(comma + 1);
      const json = /;base64$/i.test(url.slice(0, comma)) ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
      return { map: new TraceMap(json, builtAbsolute), mapFile: 'inline' };
    }
    let mapRelative: string;
    if (url) {
      if (/^[a-z][\w+.-]*:/i.test(url)) return null; // a map served from elsewhere is not in the workspace
      mapRelative = path.posix.join(path.posix.dirname(builtRelative), decodeURI(url));
    } else {
      mapRelative = `${builtRelative}.map`;
    }
    // The URL is text from a built file: resolve it inside the root like any other untrusted path.
    const mapAbsolute = mapRelative.startsWith('..') ? undefined : resolveInsideRoot(root.root.path, mapRelative);
    if (!mapAbsolute || !isFile(mapAbsolute)) {
      if (url) this.problemOf.set(builtAbsolute, `${builtRelative} names the source map ${url.slice(0, 200)}, which is not a file inside the workspace`);
      return null;
    }
    if (statSync(mapAbsolute).size > MAX_MAP_BYTES) {
      this.problemOf.set(builtAbsolute, `the source map ${mapRelative} is larger than ${MAX_MAP_BYTES / 1048576} MB and was not read`);
      return null;
    }
    return { map: new TraceMap(readFileSync(mapAbsolute, 'utf8'), mapAbsolute), mapFile: mapRelative };
  }
}
