// The languages CauseLens parses: which grammar .wasm each uses and which file names map to it.

export type LanguageId = 'javascript' | 'typescript' | 'tsx' | 'python' | 'java' | 'go' | 'ruby' | 'csharp' | 'php' | 'rust';

export interface LanguageSpec {
  id: LanguageId;
  /** Package-relative path of the grammar, as `require.resolve` takes it; the bundle copies its basename to dist/. */
  wasm: string;
  extensions: readonly string[];
}

export const LANGUAGE_SPECS: Readonly<Record<LanguageId, LanguageSpec>> = {
  javascript: { id: 'javascript', wasm: 'tree-sitter-javascript/tree-sitter-javascript.wasm', extensions: ['js', 'jsx', 'mjs', 'cjs'] },
  typescript: { id: 'typescript', wasm: 'tree-sitter-typescript/tree-sitter-typescript.wasm', extensions: ['ts', 'mts', 'cts'] },
  tsx: { id: 'tsx', wasm: 'tree-sitter-typescript/tree-sitter-tsx.wasm', extensions: ['tsx'] },
  python: { id: 'python', wasm: 'tree-sitter-python/tree-sitter-python.wasm', extensions: ['py', 'pyi'] },
  java: { id: 'java', wasm: 'tree-sitter-java/tree-sitter-java.wasm', extensions: ['java'] },
  go: { id: 'go', wasm: 'tree-sitter-go/tree-sitter-go.wasm', extensions: ['go'] },
  ruby: { id: 'ruby', wasm: 'tree-sitter-ruby/tree-sitter-ruby.wasm', extensions: ['rb', 'rake', 'gemspec'] },
  csharp: { id: 'csharp', wasm: 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm', extensions: ['cs'] },
  php: { id: 'php', wasm: 'tree-sitter-php/tree-sitter-php.wasm', extensions: ['php', 'phtml'] },
  rust: { id: 'rust', wasm: 'tree-sitter-rust/tree-sitter-rust.wasm', extensions: ['rs'] },
};

export const LANGUAGE_IDS = Object.keys(LANGUAGE_SPECS) as LanguageId[];

const BY_EXTENSION: ReadonlyMap<string, LanguageId> = new Map(
  Object.values(LANGUAGE_SPECS).flatMap((spec) => spec.extensions.map((ext) => [ext, spec.id] as const)),
);

/** The language of a file from its name, or undefined for files CauseLens does not parse. */
export function languageForPath(path: string): LanguageId | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  if (name === 'Rakefile' || name === 'Gemfile') return 'ruby';
  if (dot <= 0) return undefined;
  if (name.endsWith('.d.ts')) return 'typescript';
  return BY_EXTENSION.get(name.slice(dot + 1).toLowerCase());
}

export function isLanguageId(value: string): value is LanguageId {
  return Object.hasOwn(LANGUAGE_SPECS, value);
}
