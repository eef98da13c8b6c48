// Loads web-tree-sitter and the grammars once per thread (main thread or Piscina worker), finding
// the .wasm files beside the bundle in dist/ or, unbundled, in node_modules.

import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Language, Parser, Query } from 'web-tree-sitter';
import { CauseLensError } from '../errors';
import { LANGUAGE_SPECS, type LanguageId } from './languages';
import { queriesFor } from './queries';

export interface LoadedLanguage {
  id: LanguageId;
  language: Language;
  /** Parsing is synchronous, so one parser per language per thread is enough. */
  parser: Parser;
  definitions: Query;
  calls: Query;
  imports: Query;
}

/**
 * Per-thread state, deliberately module-level: web-tree-sitter keeps its WASM instance in its own
 * module state, and a second `Parser.init` would orphan languages loaded under the first. Worker
 * threads get their own module instances, hence "once per thread".
 */
const perThread: { init?: Promise<void>; languages: Map<LanguageId, Promise<LoadedLanguage>> } = { languages: new Map() };

/** Absolute path of a .wasm file: beside this code when bundled (dist/), else from node_modules. */
export function locateWasm(spec: string): string {
  const beside = join(__dirname, basename(spec));
  if (existsSync(beside)) return beside;
  try {
    return require.resolve(spec);
  } catch (error) {
    throw new CauseLensError('not-found', `The parser file ${basename(spec)} is missing; reinstall CauseLens.`, { cause: error });
  }
}

function initialiseTreeSitter(): Promise<void> {
  perThread.init ??= Parser.init({
    locateFile: (file: string) => locateWasm(`web-tree-sitter/${file}`),
  }).catch((error: unknown) => {
    perThread.init = undefined;
    if (error instanceof CauseLensError) throw error;
    throw new CauseLensError('internal', `Could not start the tree-sitter runtime: ${String(error)}`, { cause: error });
  });
  return perThread.init;
}

async function loadLanguageUncached(id: LanguageId): Promise<LoadedLanguage> {
  await initialiseTreeSitter();
  const spec = LANGUAGE_SPECS[id];
  let language: Language;
  try {
    language = await Language.load(locateWasm(spec.wasm));
  } catch (error) {
    if (error instanceof CauseLensError) throw error;
    throw new CauseLensError('internal', `Could not load the ${id} grammar: ${String(error)}`, { cause: error });
  }
  const parser = new Parser();
  parser.setLanguage(language);
  const queries = queriesFor(id);
  return {
    id,
    language,
    parser,
    definitions: new Query(language, queries.definitions),
    calls: new Query(language, queries.calls),
    imports: new Query(language, queries.imports),
  };
}

/** The grammar, a parser and the compiled queries for `id`; loaded on first use in this thread. */
export function loadLanguage(id: LanguageId): Promise<LoadedLanguage> {
  let loading = perThread.languages.get(id);
  if (!loading) {
    loading = loadLanguageUncached(id);
    perThread.languages.set(id, loading);
    loading.catch(() => perThread.languages.delete(id));
  }
  return loading;
}
