// Resolves an import as written (`./user`, `a.b.c`, `github.com/x/y/pkg`, `App\Models\User`,
// `crate::a::b`) to the files of a known set it may refer to, per language convention.

import { posix } from 'node:path';
import type { LanguageId } from './languages';

const JS_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.d.ts'];

function endsWithPath(path: string, suffix: string): boolean {
  return path === suffix || path.endsWith(`/${suffix}`);
}

function bySuffixes(paths: readonly string[], suffixes: readonly string[]): string[] {
  return paths.filter((p) => suffixes.some((s) => s !== '' && endsWithPath(p, s)));
}

function exactly(paths: ReadonlySet<string>, candidates: readonly string[]): string[] {
  return candidates.map((c) => posix.normalize(c)).filter((c) => paths.has(c));
}

function resolveJs(from: string, source: string, all: ReadonlySet<string>): string[] {
  if (!source.startsWith('.')) return [];
  const base = posix.join(posix.dirname(from), source);
  const stem = base.replace(/\.(m|c)?js$/, '');
  return exactly(all, [base, ...JS_EXTENSIONS.map((e) => stem + e), ...JS_EXTENSIONS.map((e) => `${base}/index${e}`)]);
}

function resolvePython(from: string, source: string, paths: readonly string[], all: ReadonlySet<string>): string[] {
  const dots = /^\.*/.exec(source)?.[0].length ?? 0;
  const modulePath = source.slice(dots).split('.').filter(Boolean).join('/');
  if (dots > 0) {
    let dir = posix.dirname(from);
    for (let i = 1; i < dots; i++) dir = posix.dirname(dir);
    const base = modulePath ? posix.join(dir, modulePath) : dir;
    return exactly(all, [`${base}.py`, `${base}/__init__.py`]);
  }
  return bySuffixes(paths, [`${modulePath}.py`, `${modulePath}/__init__.py`]);
}

function resolveGo(source: string, paths: readonly string[]): string[] {
  return paths.filter((p) => {
    if (!p.endsWith('.go')) return false;
    const dir = posix.dirname(p);
    return dir !== '.' && (source === dir || source.endsWith(`/${dir}`) || dir.endsWith(`/${source}`));
  });
}

function resolveRust(from: string, source: string, paths: readonly string[], all: ReadonlySet<string>): string[] {
  if (!source.includes('::')) {
    // `mod name;` -> name.rs or name/mod.rs beside the declaring file.
    const dir = posix.dirname(from);
    return exactly(all, [posix.join(dir, `${source}.rs`), posix.join(dir, source, 'mod.rs')]);
  }
  const segments = source.replace(/::\{[\s\S]*\}$/, '').split('::').filter((s) => !['crate', 'self', 'super', '*'].includes(s));
  const suffixes: string[] = [];
  for (let n = segments.length; n > 0; n--) {
    const path = segments.slice(0, n).join('/');
    suffixes.push(`${path}.rs`, `${path}/mod.rs`);
  }
  return bySuffixes(paths, suffixes).slice(0, 4);
}

/** Drop leading namespace segments until a file matches (`App\Models\User` -> `Models/User.php`). */
function resolveByNamespace(source: string, separator: string, extension: string, paths: readonly string[]): string[] {
  const segments = source.split(separator).filter(Boolean);
  for (let start = 0; start < segments.length; start++) {
    const found = bySuffixes(paths, [`${segments.slice(start).join('/')}${extension}`]);
    if (found.length > 0) return found;
  }
  return [];
}

/** Files in the folder a namespace maps to (`App.Services` -> `.../Services/*.cs`, or `.../App/Services/`). */
function resolveNamespaceDirectory(segments: readonly string[], paths: readonly string[]): string[] {
  for (let start = 0; start < segments.length; start++) {
    const dir = segments.slice(start).join('/');
    const found = paths.filter((p) => endsWithPath(posix.dirname(p), dir));
    if (found.length > 0) return found;
  }
  return [];
}

function resolveRuby(from: string, source: string, paths: readonly string[], all: ReadonlySet<string>): string[] {
  const file = source.endsWith('.rb') ? source : `${source}.rb`;
  if (source.startsWith('.')) return exactly(all, [posix.join(posix.dirname(from), file)]);
  const relative = exactly(all, [posix.join(posix.dirname(from), file)]);
  return relative.length > 0 ? relative : bySuffixes(paths, [file]);
}

function resolvePhp(from: string, source: string, paths: readonly string[], all: ReadonlySet<string>): string[] {
  if (source.endsWith('.php')) return exactly(all, [posix.join(posix.dirname(from), source), source]);
  return resolveByNamespace(source, '\\', '.php', paths);
}

/** Files among `paths` that `source`, imported from `from`, may refer to. */
export function resolveImport(language: LanguageId, from: string, source: string, paths: readonly string[], all: ReadonlySet<string> = new Set(paths)): string[] {
  switch (language) {
    case 'javascript':
    case 'typescript':
    case 'tsx':
      return resolveJs(from, source, all);
    case 'python':
      return resolvePython(from, source, paths, all);
    case 'java': {
      const direct = bySuffixes(paths, [`${source.replace(/\./g, '/')}.java`]);
      return direct.length > 0 ? direct : paths.filter((p) => p.endsWith('.java') && endsWithPath(posix.dirname(p), source.replace(/\./g, '/')));
    }
    case 'go':
      return resolveGo(source, paths);
    case 'ruby':
      return resolveRuby(from, source, paths, all);
    case 'csharp':
      return resolveNamespaceDirectory(source.split('.'), paths.filter((p) => p.endsWith('.cs')));
    case 'php':
      return resolvePhp(from, source, paths, all);
    case 'rust':
      return resolveRust(from, source, paths, all);
  }
}
