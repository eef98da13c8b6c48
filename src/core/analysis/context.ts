// Builds the incident context every hypothesis is judged against: the in-app frames laid on the
// incident revision's syntax trees (with weights that fall with distance from the crash), the
// symbols one and two calls away, and the words of the error.

import type { Incident } from '../incident/model';
import { crashLineWords, extractErrorWords, missingValueWords, nullReturningMethods, quotedValues, rejectedValues, type ErrorWord } from './errorWords';
import { localBindings } from './definitions';
import { isTestPath } from './paths';
import { symbolsNamedBy, testAnchorNames, testNameStems, testNameWords, type NamedCandidate } from './testNames';
import type { FrameAnchor, HypothesisContext, NeighbourSymbol, SymbolSpan } from './hypothesis';

/** A frame already mapped to a repository path and line at the incident revision. */
export interface LocatedFrame {
  exceptionIndex: number;
  /** Index within its exception's frames, crash site = 0. */
  frameIndex: number;
  /** Set for a frame of `Incident.otherFailures[failure - 1]` (another failure reported with it). */
  failure?: number;
  path: string;
  line: number;
  function?: string;
}

/** What the context needs from the syntax trees (implemented over core/ast). */
export interface CodeModel {
  /** The files of the revision (read once; frame location and the neighbourhood share it). */
  files(): Promise<string[]>;
  enclosingSymbol(path: string, line: number): Promise<SymbolSpan | undefined>;
  /** The text of a line at the revision, when the file can be read. */
  sourceLine(path: string, line: number): Promise<string | undefined>;
  /**
   * The last line of `within` (default: the file) that had run when `line` was executing: the
   * lines below it, outside any loop or try around it, had not run yet in that call.
   */
  executedThrough(path: string, line: number, within?: SymbolSpan): Promise<number | undefined>;
  /**
   * Names the files read so far (the frames' neighbourhood, in languages that bind names at run
   * time) call but nowhere define; those called by their bare name (`x()`, not `utils.x()`,
   * whose module may not have been read); and those files.
   */
  unresolvedNames(): Promise<{ names: string[]; bare: string[]; unbound?: string[]; files: string[] }>;
  /**
   * Symbols reachable in one or two calls from the frame: from its function when it has one
   * (following only calls made through `executedThrough`, when given), else from the calls made
   * on the lines leading to it (an anonymous test callback).
   */
  callNeighbours(path: string, at: { symbol?: SymbolSpan; line: number; executedThrough?: number }, depth: 1 | 2): Promise<Omit<NeighbourSymbol, 'weight' | 'via'>[]>;
  /**
   * Where the constants `names` that code in `path` reads are declared, with their whole
   * statement: in `path`, the files it imports, or its package.
   */
  constantsRead(path: string, names: readonly string[]): Promise<Omit<NeighbourSymbol, 'weight' | 'via' | 'distance'>[]>;
  /** The repository files `path` imports, resolved as its language resolves imports. */
  importedFiles(path: string): Promise<string[]>;
  /** Titles of the test blocks (`describe`, `it`, `test`) around a line, outermost first. */
  testTitles(path: string, line: number): Promise<string[]>;
  /**
   * Functions, methods and classes of the files read so far (the frames' neighbourhood), and of
   * the few product files whose name is one of `fileStems` (`range` -> classes/range.js), those
   * files also as wholes (named by their base name, lines 1 to the end).
   */
  knownSymbols(fileStems: readonly string[]): Promise<NamedCandidate[]>;
}

/** Each step away from the crash frame keeps this share of the weight. */
const FRAME_DECAY = 0.8;
/** Test code frames point at the code they exercise more than at themselves. */
const TEST_FRAME_FACTOR = 0.6;
const MAX_ANCHORS = 12;
const MAX_NEIGHBOURS = 200;
/** A symbol the failing test names counts like one two calls away from the test's code. */
const NAMED_BY_TEST_FACTOR = 0.5;

const ORIGIN_WEIGHT: Record<ErrorWord['origin'], number> = { quoted: 1, type: 0.8, message: 0.6, breadcrumb: 0.3, span: 0.3, 'crash-line': 0.5, 'missing-value': 1, 'test-name': 0.6 };
/** Errors that say a name does not exist (any of the runtimes CauseLens reads). */
const MISSING_NAME = /not a function|is not defined|not a constructor|has no attribute|no attribute|cannot find symbol|NoSuch(?:Method|Field)|undefined (?:local variable or )?method|cannot import name|does not provide an export named|no member named|NameError|ImportError|ModuleNotFoundError|ReferenceError|AttributeError|NoMethodError|MissingMethodException|undefined: /i;

const UNBOUND_NAME = /is not defined|NameError|undefined local variable|cannot find symbol/i;

/**
 * A member looked up on nothing (`'NoneType' object has no attribute 'x'`, Ruby's `undefined method
 * 'x' for nil`): the value is what went missing, not the name.
 */
const ON_NOTHING = /'NoneType' object has no attribute|\bfor nil\b|of (?:undefined|null)\b/;

function missingNameKind(incident: Incident): Pick<HypothesisContext, 'missingName'> {
  const texts = incident.exceptions.map((e) => `${e.type}: ${e.message}`);
  if (texts.some((t) => UNBOUND_NAME.test(t))) return { missingName: 'binding' };
  return texts.some((t) => MISSING_NAME.test(t) && !ON_NOTHING.test(t)) ? { missingName: 'member' } : {};
}

/** How a neighbour names the frame that reaches it (`via`): the frame's function, else its place. */
export function frameVia(anchor: FrameAnchor): string {
  return anchor.symbol?.name ?? anchor.function ?? `${anchor.path}:${anchor.line}`;
}

/** Lines of the stack whose identifiers count as words of the error (crash line first). */
const CRASH_LINES_READ = 2;
/** Lines of a test's function read above its failing line for the names it binds. */
const MAX_TEST_LINES_READ = 80;

/**
 * Orders frames so the root cause's crash site comes first: in a chain, the last cause is where
 * the failure began (a wrapper exception's frames are about reporting it). Other failures
 * reported with it are interleaved after it, frame by frame: each one's crash site is worth about
 * as much as the reported failure's next frame.
 */
function rankFrames(frames: readonly LocatedFrame[]): LocatedFrame[] {
  const byFailure = new Map<number, LocatedFrame[]>();
  for (const f of frames) byFailure.set(f.failure ?? 0, [...(byFailure.get(f.failure ?? 0) ?? []), f]);
  const chains = [...byFailure.keys()].sort((a, b) => a - b).map((k) => byFailure.get(k)!.sort((a, b) => b.exceptionIndex - a.exceptionIndex || a.frameIndex - b.frameIndex));
  const ordered: LocatedFrame[] = [];
  for (let depth = 0; ordered.length < frames.length; depth++) for (const chain of chains) if (chain[depth]) ordered.push(chain[depth]);
  return ordered;
}

export async function buildHypothesisContext(
  incident: Incident,
  frames: readonly LocatedFrame[],
  code: CodeModel,
  timing: Pick<HypothesisContext, 'firstReleaseShas' | 'changePointTime'> = {},
): Promise<HypothesisContext> {
  const anchors: FrameAnchor[] = [];
  const seen = new Set<string>();
  let step = 0;
  for (const frame of rankFrames(frames)) {
    const key = `${frame.path}:${frame.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const isTest = isTestPath(frame.path);
    const weight = FRAME_DECAY ** step * (isTest ? TEST_FRAME_FACTOR : 1);
    const symbol = await code.enclosingSymbol(frame.path, frame.line);
    const through = symbol ? await code.executedThrough(frame.path, frame.line, symbol) : undefined;
    anchors.push({
      frameIndex: step, path: frame.path, line: frame.line, weight: round(weight), isTest,
      ...(frame.function ? { function: frame.function } : {}), ...(symbol ? { symbol } : {}), ...(through !== undefined ? { executedThrough: through } : {}),
    });
    step++;
    if (anchors.length >= MAX_ANCHORS) break;
  }

  const neighbours = new Map<string, NeighbourSymbol>();
  for (const anchor of anchors) {
    // Test frames lead to the code they call, so their neighbours keep the full frame weight.
    const base = anchor.isTest ? anchor.weight / TEST_FRAME_FACTOR : anchor.weight;
    const via = frameVia(anchor);
    const at = { line: anchor.line, ...(anchor.symbol ? { symbol: anchor.symbol } : {}), ...(anchor.executedThrough !== undefined ? { executedThrough: anchor.executedThrough } : {}) };
    for (const n of await code.callNeighbours(anchor.path, at, 2)) {
      if (anchors.some((a) => a.path === n.path && a.symbol && a.symbol.startLine === n.startLine)) continue;
      const weight = round(base * (n.distance === 1 ? 0.8 : 0.5));
      const key = `${n.path}:${n.startLine}:${n.name}`;
      const existing = neighbours.get(key);
      if (!existing || existing.weight < weight) neighbours.set(key, { ...n, weight, via });
    }
  }

  for (const n of await constantsReadNearCrash(anchors, code)) {
    const key = `${n.path}:${n.startLine}:${n.name}`;
    if (!neighbours.has(key)) neighbours.set(key, n);
  }

  const failingTest = await failingTestNames(anchors, code);
  const known = failingTest && failingTest.stems.length > 0 ? await code.knownSymbols(failingTest.stems) : [];
  for (const n of namedByFailingTest(failingTest, anchors[0], known)) {
    const key = `${n.path}:${n.startLine}:${n.name}`;
    if (!neighbours.has(key) && !anchors.some((a) => a.path === n.path && a.symbol?.startLine === n.startLine)) neighbours.set(key, n);
  }

  const framePaths = new Set(anchors.map((a) => a.path));
  const nearPaths = new Set([...framePaths, ...[...neighbours.values()].map((n) => n.path)]);
  const imports = [...new Set((await Promise.all([...framePaths].map((p) => code.importedFiles(p)))).flat())].filter((p) => !nearPaths.has(p));

  const lines = (await Promise.all(anchors.slice(0, CRASH_LINES_READ).map((a) => code.sourceLine(a.path, a.line)))).filter((l): l is string => l !== undefined);
  const testLocals = await testOwnNames(anchors.slice(0, CRASH_LINES_READ), code);
  const exceptions = [...incident.exceptions, ...(incident.otherFailures ?? []).flat()];
  const messages = exceptions.map((e) => e.message);
  const words = [...missingValueWords(messages, lines[0]), ...extractErrorWords(incident), ...crashLineWords(lines).filter((w) => !testLocals.has(w.word)), ...(failingTest?.words ?? [])];
  const errorWords: HypothesisContext['errorWords'] = [];
  for (const w of words) {
    const word = w.word.toLowerCase();
    if (errorWords.some((e) => e.word === word)) continue;
    const fromCrashLine = w.origin === 'crash-line' || w.origin === 'missing-value';
    errorWords.push({ word, originWeight: ORIGIN_WEIGHT[w.origin], ...(fromCrashLine ? { fromCrashLine: true } : {}), ...(w.origin === 'missing-value' ? { missingValue: true } : {}) });
  }
  // The message says the value was nothing: None, null, undefined or nil (not another object lacking the member).
  const nothing = messages.some((m) => /\b(?:NoneType|None|null|undefined|nil)\b/.test(m));
  const missing = words.filter((w) => w.origin === 'missing-value').map((w) => w.word);
  await markMissingValueSources(anchors[0], missing, nullReturningMethods(messages), nothing, neighbours, code);
  return {
    anchors,
    neighbours: [...neighbours.values()].sort((a, b) => b.weight - a.weight).slice(0, MAX_NEIGHBOURS),
    errorWords,
    crashLineTexts: lines.map((l) => l.trim()),
    quotedValues: quotedValues(exceptions),
    rejectedValues: rejectedValues(exceptions),
    ...(imports.length > 0 ? { imports } : {}),
    unresolved: await code.unresolvedNames(),
    ...missingNameKind(incident),
    ...timing,
  };
}

/**
 * The names a test frame's function binds for itself up to its failing line (`result = ...`,
 * `build_file, target = ...`, pytest's fixtures): the test's own words for the values it checks.
 * Product code using the same words is a coincidence of vocabulary, not a trace of the failure.
 */
async function testOwnNames(crashAnchors: readonly FrameAnchor[], code: CodeModel): Promise<Set<string>> {
  const names = new Set<string>();
  for (const a of crashAnchors) {
    if (!a.isTest || !a.symbol) continue;
    const from = Math.max(a.symbol.startLine, a.line - MAX_TEST_LINES_READ);
    const body = await Promise.all(Array.from({ length: a.line - from + 1 }, (_, i) => code.sourceLine(a.path, from + i)));
    for (const name of localBindings(body.filter((l): l is string => l !== undefined))) names.add(name);
  }
  return names;
}

/** The other names a destructuring or tuple assignment sets after the one looked for (source of a RegExp). */
const OTHER_TARGETS = '(?:\\s*,\\s*\\*?[\\w$]+)*\\s*[)\\]}]?';

/**
 * The missing value came from a call the crash site made (`const header = parseHeader(s)!;` then
 * `header.type`), or from the call Java's message names (`nullFrom`): the function called is where
 * it went missing. Marks those neighbours.
 */
async function markMissingValueSources(crash: FrameAnchor | undefined, missing: readonly string[], nullFrom: readonly string[], nothing: boolean, neighbours: ReadonlyMap<string, NeighbourSymbol>, code: CodeModel): Promise<void> {
  const mark = (called: ReadonlySet<string>, word: (name: string) => string, returnedNothing: boolean) => {
    for (const n of neighbours.values()) {
      const name = n.name.split('.').at(-1) ?? n.name;
      if (n.distance !== 1 || n.reads || n.namedBy || !called.has(name)) continue;
      n.returnsMissing = word(name);
      if (returnedNothing) n.returnsNothing = true;
    }
  };
  mark(new Set(nullFrom), (name) => name, true);
  if (!crash || missing.length === 0) return;
  const text = (await linesLeadingTo(crash, code)).join('\n');
  for (const word of missing) {
    const name = word.replace(/[$]/g, '\\$');
    // `meta = f(...)`, `meta: Meta = await f(...)`, and one part of many: `meta, body = f(...)`, `const [meta, body] = f(...)`.
    const assigned = new RegExp(`(?:^|[^\\w$.])${name}\\s*(?::[^=\\n]+)?${OTHER_TARGETS}\\s*=(?!=)\\s*(?:await\\s+|yield\\s+)?(?:[\\w$]+\\.)*([\\w$]+)\\s*\\(`, 'g');
    mark(new Set([...text.matchAll(assigned)].map((m) => m[1])), () => word, nothing);
  }
}

/** Lines of a frame's function read for what it did before failing, at most. */
const LINES_LEADING_TO_FRAME = 60;

/** The lines of the frame's function up to and including the frame's line (unreadable ones empty). */
async function linesLeadingTo(anchor: FrameAnchor, code: CodeModel): Promise<string[]> {
  const from = Math.max(anchor.symbol?.startLine ?? anchor.line, anchor.line - LINES_LEADING_TO_FRAME);
  const lines = await Promise.all(Array.from({ length: anchor.line - from + 1 }, (_, i) => code.sourceLine(anchor.path, from + i)));
  return lines.map((l) => l ?? '');
}

/** Frames whose code is read for the constants it uses: the crash site and its caller. */
const CONSTANT_READING_FRAMES = 2;
/** `ROUTES`, `WEIGHT_FACTORS`, `VOLUME_TIERS2`: the names code gives its tables of data. */
const CONSTANT_NAME = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b/g;

/**
 * The constant tables the crash site's code (and its caller's) read on the way to the frame's
 * line: a wrong or missing entry fails the code that reads it without ever being on the stack.
 * Each counts as code one call from the frame.
 */
async function constantsReadNearCrash(anchors: readonly FrameAnchor[], code: CodeModel): Promise<NeighbourSymbol[]> {
  const out: NeighbourSymbol[] = [];
  for (const anchor of anchors.slice(0, CONSTANT_READING_FRAMES)) {
    const lines = await linesLeadingTo(anchor, code);
    const names = [...new Set(lines.flatMap((l) => l.match(CONSTANT_NAME) ?? []))].filter((n) => n.length >= 3 && /[A-Z]{2}/.test(n));
    const base = anchor.isTest ? anchor.weight / TEST_FRAME_FACTOR : anchor.weight;
    const via = frameVia(anchor);
    for (const c of await code.constantsRead(anchor.path, names)) {
      // A table spans lines; a one-line limit or name is a setting, not data a lookup can miss.
      if (c.endLine > c.startLine && !out.some((o) => o.path === c.path && o.startLine === c.startLine)) out.push({ ...c, distance: 1, weight: round(base * 0.8), via, reads: true });
    }
  }
  return out;
}

/**
 * When the only frames in the project are tests, what the failing test's names say (see
 * testNames.ts): the stems that point at the code under test, and the words of the behaviour it
 * checks (its titles and function, not its file or class), which count as words of the error.
 */
async function failingTestNames(anchors: readonly FrameAnchor[], code: CodeModel): Promise<{ titles: string[]; stems: string[]; words: ErrorWord[] } | undefined> {
  // A product frame on the stack already says where the code under test failed.
  const test = anchors[0];
  if (!test || anchors.some((a) => !a.isTest)) return undefined;
  const titles = await code.testTitles(test.path, test.line);
  const stems = testNameStems(testAnchorNames(test, titles));
  const behaviour = [...titles, test.symbol?.name.split('.').at(-1) ?? '', test.function?.split('.').at(-1) ?? ''];
  return { titles, stems, words: testNameWords(behaviour).map((word) => ({ word, origin: 'test-name' as const })) };
}

/** The product symbols the failing test's names point at, weighed like code two calls from the test. */
function namedByFailingTest(test: { titles: string[]; stems: string[] } | undefined, anchor: FrameAnchor | undefined, known: readonly NamedCandidate[]): NeighbourSymbol[] {
  if (!test || !anchor || known.length === 0) return [];
  const namedBy = test.titles.at(-1) ?? anchor.symbol?.name ?? anchor.function ?? testAnchorNames(anchor, test.titles)[0];
  const weight = round((anchor.weight / TEST_FRAME_FACTOR) * NAMED_BY_TEST_FACTOR);
  return symbolsNamedBy(test.stems, known).map((s) => ({
    path: s.path, name: s.qualifiedName, startLine: s.startLine, endLine: s.endLine, distance: 2, weight, via: namedBy, namedBy,
  }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
