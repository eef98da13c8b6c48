// Public surface of the code model: languages, parsing with a blob-id cache, symbols, hunk
// changes, identifiers and the call neighbourhood of a frame.

export { LANGUAGE_IDS, LANGUAGE_SPECS, languageForPath, isLanguageId, type LanguageId, type LanguageSpec } from './languages';
export { loadLanguage, locateWasm, type LoadedLanguage } from './runtime';
export { parseSource, withSyntaxTree, SyntaxCache, LruMap, MAX_PARSE_CHARS, type ParseOptions, type SyntaxCacheOptions } from './parse';
export { enclosingSymbols, extractFileSyntax, type FileSyntax, type SymbolInfo, type SymbolKind, type CallSite, type ImportRef } from './syntax';
export { symbolsChangedByHunk, identifiersInLines, hunkWords, type HunkSymbols, type CodeWords, type HunkWords } from './changes';
export { resolveImport } from './imports';
export { executedThrough } from './execution';
export { declarationEnd } from './declarations';
export { testTitlesAt } from './testNames';
export { callNeighbourhood, type SourceFile, type NeighbourSymbol, type CodeLocation } from './neighbourhood';
