// Gathers the evidence for one hypothesis, "this commit caused the incident": where its hunks
// fall relative to the frames and their call neighbourhood on today's syntax trees, which words
// of the error it added or removed, the shape of the change and when it shipped.
// Pure and synchronous: it runs inside the Piscina workers.

import { definedName, definitionOf } from './definitions';
import { identifierParts } from './errorWords';
import { errorWordSet, isCommentLine, matchErrorWords, onlyTestsOnStack, readable, searchesFor } from './wordMatching';
import { emptyFeatures, type EvidenceKind, type FeatureName, type FeatureVector } from './features';
import type { TrackedFileChange } from './lineTracking';
import { languageForPath } from '../ast/languages';
import { isDocumentation, isProductCode, isTestPath } from './paths';
import { acceptedPatterns } from './patterns';
import { renamedOnly } from './renames';
import { readRiskShape, type RiskShape } from './riskShape';

export interface SymbolSpan {
  name: string;
  startLine: number;
  endLine: number;
}

/** An in-app frame laid on the incident revision's syntax tree. */
export interface FrameAnchor {
  frameIndex: number;
  /** Workspace-relative path at the incident revision. */
  path: string;
  line: number;
  /** 1 for the crash frame, less for frames further from it. */
  weight: number;
  isTest: boolean;
  function?: string;
  /** Innermost enclosing function or method at the incident revision. */
  symbol?: SymbolSpan;
  /** Last line of `symbol` that had run when the frame was executing (the rest had not run yet). */
  executedThrough?: number;
}

/** A symbol one or two calls away from a frame's function. */
export interface NeighbourSymbol extends SymbolSpan {
  path: string;
  distance: 1 | 2;
  weight: number;
  /** The frame function that reaches it. */
  via: string;
  /** Set instead when no call reaches it but the failing test's name names it: that test name. */
  namedBy?: string;
  /** A constant (a table of data) `via` reads, rather than code it calls. */
  reads?: boolean;
  /** The missing value of the error (a word of it) is what the crash site got from calling it. */
  returnsMissing?: string;
  /** That value was None, null, undefined or nil: a change that made this return one is where it came from. */
  returnsNothing?: boolean;
}

export interface HypothesisContext {
  anchors: FrameAnchor[];
  neighbours: NeighbourSymbol[];
  /** Lower-case error words and how much each origin counts. */
  errorWords: { word: string; originWeight: number; fromCrashLine?: boolean; missingValue?: boolean }[];
  /** Trimmed text of the stack's lines whose identifiers are among the error words. */
  crashLineTexts?: string[];
  /**
   * The error says a name is missing: 'binding' for an unbound name ("x is not defined",
   * NameError), 'member' for a missing function, method or attribute of an object.
   */
  missingName?: 'binding' | 'member';
  /**
   * Repository files the frames' files import, beyond those of the neighbours: a change there can
   * break a frame without being on the stack. Used to choose candidates, not as evidence.
   */
  imports?: string[];
  /**
   * Names the frames' neighbourhood calls but nowhere defines (`names`), those among them called
   * by themselves (`bare`), names called by themselves that nothing binds, members aside
   * (`unbound`), and the files read (see definitions.ts).
   */
  unresolved?: { names: string[]; bare: string[]; unbound?: string[]; files: string[] };
  /** Values the error messages quote as code would write them (see errorWords.ts `quotedValues`). */
  quotedValues?: string[];
  /** Values the error messages say could not be parsed (see errorWords.ts `rejectedValues`). */
  rejectedValues?: string[];
  /** Commits in the first release that saw the error, when the release is known. */
  firstReleaseShas?: string[];
  /** ISO time at which the event-count series changed, when known. */
  changePointTime?: string;
}

export interface CandidateFile {
  path: string;
  oldPath?: string;
  /** The commit created the file: every line "introduced" then, so that says less. */
  created?: boolean;
  /** The commit deleted the file: its removed lines are the whole file, not a chosen edit. */
  deleted?: boolean;
  binary: boolean;
  added: string[];
  removed: string[];
}

export interface CandidateCommit {
  sha: string;
  authorDate: string;
  subject: string;
  isMerge: boolean;
  formattingOnly: boolean;
  files: CandidateFile[];
}

/** Evidence before the model has weighed it: which feature it supports and how to say it. */
export interface RawEvidence {
  kind: EvidenceKind;
  feature: FeatureName;
  message: string;
  path?: string;
  line?: number;
}

export interface HypothesisResult {
  sha: string;
  /** Features except `errorWords` and `recency`, which need the whole window (see ranking). */
  features: FeatureVector;
  matchedWords: string[];
  evidence: RawEvidence[];
  /** Lines at the incident revision worth annotating: frame lines and hunks the commit touched. */
  suspectLines: { path: string; line: number }[];
  /**
   * The name the error says is missing, when this commit removed its definition and nothing
   * defines it at the incident revision: the failure began here (see ranking).
   */
  removedMissingName?: string;
  /** The error words the strongest removed guard named (their rarity in the window scales it, see ranking). */
  guardWords?: string[];
}

const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/g;
const CHANGE_POINT_WINDOW_MS = 48 * 3600 * 1000;

function overlaps(spans: TrackedFileChange['spans'], start: number, end: number): boolean {
  return spans.some((s) => s.start <= end && s.end >= start);
}

function frameName(a: FrameAnchor): string {
  return a.symbol?.name ?? a.function ?? `line ${a.line}`;
}

/** Creating a file writes all of its lines; that says far less than editing one of them. */
const CREATED_FILE_FACTOR = 0.3;
/**
 * When only tests are on the stack, the failing test checks product code: a commit that changed
 * no product code changed the check, not the behaviour checked, which is rarely the cause.
 */
const TESTS_ONLY_CHANGE_FACTOR = 0.3;
const TEST_FILE_ELSEWHERE_FACTOR = 0.5;

/** Scores where the commit's hunks land relative to the frames and their neighbourhood. */
function locateAgainstFrames(commit: CandidateCommit, tracked: readonly TrackedFileChange[], context: HypothesisContext, out: HypothesisResult): void {
  const f = out.features;
  const createdHere = (path: string) => commit.files.some((file) => file.created && file.path === path);
  const raise = (feature: FeatureName, value: number): boolean => {
    if (value <= f[feature]) return false;
    f[feature] = value;
    return true;
  };
  let laterLines: { anchor: FrameAnchor; symbol: SymbolSpan } | undefined;
  const onlyTestsChecked = onlyTestsOnStack(context) && !commit.files.some((file) => isProductCode(file.path));
  for (const anchor of context.anchors) {
    const change = tracked.find((t) => t.incidentPath === anchor.path);
    if (!change) continue;
    const created = createdHere(anchor.path);
    const weight = anchor.weight * (created ? CREATED_FILE_FACTOR : 1) * (onlyTestsChecked ? TESTS_ONLY_CHANGE_FACTOR : 1);
    const where = `${anchor.path}:${anchor.line}`;
    const role = anchor.frameIndex === 0 ? 'the crash site' : anchor.isTest ? 'a test frame' : 'a frame of the stack';
    const how = created ? ` (the commit created ${anchor.path})` : onlyTestsChecked ? ' (it changed no product code: the test, not what it checks)' : '';
    // A test file gathers every test of its code: a change away from the failing one says little.
    raise('frameFileChanged', anchor.isTest ? weight * TEST_FILE_ELSEWHERE_FACTOR : weight);
    if (change.survivingAddedLines.includes(anchor.line)) {
      if (raise('crashLineIntroduced', weight)) out.evidence.push({ kind: 'crash-line-introduced', feature: 'crashLineIntroduced', message: `Wrote line ${where} (${role}, in ${frameName(anchor)}) as it stands today${how}`, path: anchor.path, line: anchor.line });
    } else if (overlaps(change.spans, anchor.line, anchor.line)) {
      if (raise('frameLineChanged', weight)) out.evidence.push({ kind: 'frame-line', feature: 'frameLineChanged', message: `Changed line ${where} (${role}, in ${frameName(anchor)})${how}`, path: anchor.path, line: anchor.line });
    }
    const symbol = anchor.symbol;
    if (symbol && overlaps(change.spans, symbol.startLine, anchor.executedThrough ?? symbol.endLine)) {
      if (raise('enclosingSymbolChanged', weight)) out.evidence.push({ kind: 'enclosing-symbol', feature: 'enclosingSymbolChanged', message: `Changed ${symbol.name} (lines ${symbol.startLine}-${symbol.endLine} of ${anchor.path}), the function of ${role}${how}`, path: anchor.path, line: symbol.startLine });
    } else if (symbol && overlaps(change.spans, symbol.startLine, symbol.endLine) && f.enclosingSymbolChanged === 0) {
      // Below the frame's line, outside any loop around it: that code had not run when it failed.
      laterLines ??= { anchor, symbol };
    }
    out.suspectLines.push({ path: anchor.path, line: anchor.line });
  }
  if (f.frameFileChanged > 0 && f.frameLineChanged === 0 && f.crashLineIntroduced === 0 && f.enclosingSymbolChanged === 0) {
    const anchor = context.anchors.find((a) => tracked.some((t) => t.incidentPath === a.path));
    if (laterLines) {
      const { anchor: a, symbol } = laterLines;
      out.evidence.push({ kind: 'frame-file', feature: 'frameFileChanged', message: `Changed ${symbol.name} in ${a.path} only below line ${a.line}, code that had not yet run when it failed`, path: a.path, line: a.line });
    } else if (anchor) {
      out.evidence.push({ kind: 'frame-file', feature: 'frameFileChanged', message: `Changed ${anchor.path}, a file of the stack, away from its frames`, path: anchor.path });
    }
  }
  for (const n of context.neighbours) {
    const change = tracked.find((t) => t.incidentPath === n.path);
    if (!change || !overlaps(change.spans, n.startLine, n.endLine)) continue;
    const feature: FeatureName = n.namedBy ? 'testNamedChanged' : n.distance === 1 ? 'calleeChanged' : 'callee2Changed';
    const created = createdHere(n.path);
    if (n.returnsMissing && !created && out.features.missingValueAssigned < NOTHING_RETURNED) {
      const returned = n.returnsNothing ? commit.files.find((f) => f.path === n.path)?.added.find((l) => RETURNS_NOTHING.test(l)) : undefined;
      out.features.missingValueAssigned = returned ? NOTHING_RETURNED : 1;
      const message = returned
        ? `Made ${n.name}, whose result is '${n.returnsMissing}', the missing value, return nothing: \`${returned.trim().slice(0, 80)}\``
        : `Changed ${n.name}, whose result is '${n.returnsMissing}', the missing value`;
      out.evidence = out.evidence.filter((e) => e.kind !== 'missing-value-assigned');
      out.evidence.push({ kind: 'missing-value-assigned', feature: 'missingValueAssigned', message, path: n.path, line: n.startLine });
    }
    if (!raise(feature, n.weight * (created ? CREATED_FILE_FACTOR : 1))) continue;
    const how = n.namedBy ? `code the failing test '${n.namedBy}' names` : n.reads ? `data ${n.via} reads` : `${n.distance === 1 ? 'one call' : 'two calls'} from ${n.via}`;
    out.evidence.push({ kind: 'callee', feature, message: `Changed ${n.name} (${n.path}:${n.startLine}), ${how}${created ? ` (the commit created ${n.path})` : ''}`, path: n.path, line: n.startLine });
  }
  for (const change of tracked) {
    for (const span of change.spans.slice(0, 3)) out.suspectLines.push({ path: change.incidentPath, line: span.start });
  }
}

/** `return None, text`, `return null;`, `return undefined`, a bare `return`: the value is nothing. */
const RETURNS_NOTHING = /^\s*return\b\s*(?:;|$|(?:None|null|undefined|nil)\b)/;
/** How much more a change that made the missing value's source return nothing says than any change to it. */
const NOTHING_RETURNED = 2;


/**
 * The commit removed a definition the code still needs: one the error names as missing ("x is
 * not a function", "has no attribute 'x'", "cannot find symbol x"), or one whose name the code
 * around the frames still uses with no definition left (a rename that missed a caller).
 */
function judgeRemovedDefinitions(commit: CandidateCommit, context: HypothesisContext, out: HypothesisResult): void {
  const bindingsOnly = context.missingName === 'binding';
  const named = context.missingName ? context.errorWords.filter((w) => !w.fromCrashLine).map((w) => ({ ...w, defines: definitionOf(w.word, bindingsOnly) })) : [];
  // "x is not defined" asks for a binding: a member of that name does not give one.
  const unresolved = (bindingsOnly ? context.unresolved?.unbound : undefined) ?? context.unresolved?.names ?? [];
  const dangling = context.unresolved?.bare ?? [];
  const readFiles = context.unresolved?.files ?? [];
  let addedNames: Set<string | undefined> | undefined;
  for (const file of commit.files) {
    if (file.created || file.binary) continue;
    for (const w of named) {
      if (w.originWeight <= out.features.definitionRemoved) continue;
      const removed = file.removed.find((line) => w.defines.test(line));
      if (!removed || file.added.some((line) => w.defines.test(line))) continue;
      out.features.definitionRemoved = w.originWeight;
      out.evidence.push({ kind: 'definition-removed', feature: 'definitionRemoved', message: `Removed the definition of '${w.word}' from ${file.path}: \`${removed.trim().slice(0, 80)}\``, path: file.path });
      const stillMissing = unresolved.find((name) => name.toLowerCase() === w.word);
      if (stillMissing) {
        out.removedMissingName = stillMissing;
        out.features.missingNameRemoved = 1;
        out.evidence.push({ kind: 'definition-removed', feature: 'missingNameRemoved', message: `Nothing defines '${stillMissing}' at the failing revision: this removal is what made it missing`, path: file.path });
      }
    }
    if (out.features.definitionRemoved >= 1 || dangling.length === 0 || !readFiles.includes(file.path)) continue;
    for (const line of readable(file.removed)) {
      const name = definedName(line);
      if (!name || !dangling.includes(name)) continue;
      addedNames ??= new Set(commit.files.flatMap((f) => f.added.map(definedName)));
      if (addedNames.has(name)) continue;
      out.features.definitionRemoved = 1;
      out.evidence.push({ kind: 'definition-removed', feature: 'definitionRemoved', message: `Removed the definition of '${name}' from ${file.path}, but the code still uses '${name}': \`${line.trim().slice(0, 80)}\``, path: file.path });
      break;
    }
  }
}

const QUOTES = ["'", '"', '`'];

/**
 * The commit removed a literal the error quotes (`no route for topic "invoice.reminder"`,
 * `KeyError: 'type'`) from the code and wrote it nowhere else: the entry the failing code looked
 * for and no longer found. A literal the commit also added was moved or reworded, not removed.
 */
function judgeRemovedValues(commit: CandidateCommit, context: HypothesisContext, out: HypothesisResult): void {
  const holds = (line: string, value: string) => line.includes(value) && QUOTES.some((q) => line.includes(q + value + q));
  for (const value of context.quotedValues ?? []) {
    for (const file of commit.files) {
      if (file.binary || isTestPath(file.path) || isDocumentation(file.path)) continue;
      const removed = readable(file.removed).find((line) => !isCommentLine(line) && holds(line, value));
      if (!removed) continue;
      if (commit.files.some((f) => f.added.some((line) => holds(line, value)))) break;
      out.features.quotedValueRemoved = 1;
      out.evidence.push({ kind: 'quoted-value-removed', feature: 'quotedValueRemoved', message: `Removed '${value}', which the error quotes, from ${file.path}: \`${removed.trim().slice(0, 80)}\``, path: file.path });
      return;
    }
  }
}

/**
 * The commit removed a format or pattern that accepted a value the error says could not be
 * parsed (`'%Y-%m-%dT%H:%M:%S'` for `2021-06-01T08:30:00`), and added none that does: the entry
 * the failing parse looked for.
 */
function judgeRemovedPatterns(commit: CandidateCommit, context: HypothesisContext, out: HypothesisResult): void {
  const values = context.rejectedValues ?? [];
  if (values.length === 0 || out.features.quotedValueRemoved > 0) return;
  // Each value a line's formats and patterns accept, with the pattern that does.
  const accepting = (lines: readonly string[]) => {
    const found: { value: string; pattern: string }[] = [];
    for (const line of readable(lines)) {
      if (isCommentLine(line) || !/['"/]/.test(line)) continue;
      for (const p of acceptedPatterns(line)) for (const value of values) if (p.accepts.test(value)) found.push({ value, pattern: p.text });
    }
    return found;
  };
  const code = commit.files.filter((f) => !f.binary && !isTestPath(f.path) && !isDocumentation(f.path));
  let stillAccepted: Set<string> | undefined;
  for (const file of code) {
    const removed = accepting(file.removed);
    if (removed.length === 0) continue;
    stillAccepted ??= new Set(code.flatMap((f) => accepting(f.added)).map((a) => a.value));
    const gone = removed.find((r) => !stillAccepted!.has(r.value));
    if (!gone) continue;
    out.features.quotedValueRemoved = 1;
    out.evidence.push({ kind: 'quoted-value-removed', feature: 'quotedValueRemoved', message: `Removed \`${gone.pattern}\` from ${file.path}, which accepted '${gone.value}', the value the error could not parse`, path: file.path });
    return;
  }
}

/**
 * Where the missing value is made: a line that assigns it (`customer: findCustomer(id)`,
 * `self.customer = None`, `order.customer = ...`, `setCustomer(...)`) added or removed outside
 * the crash line. The commit that changed it is the likely source of the undefined/None/null.
 */
function judgeMissingValueAssignments(commit: CandidateCommit, context: HypothesisContext, out: HypothesisResult): void {
  // Already found where it came from (the function the crash site got it from).
  if (out.features.missingValueAssigned > 0) return;
  const crashLines = new Set(context.crashLineTexts ?? []);
  for (const { word, mentions, assigns } of searchesFor(context).missingValue) {
    const setsIt = (l: string) => mentions.test(l) && assigns.test(l) && !crashLines.has(l.trim());
    for (const file of commit.files) {
      if (file.created || file.binary) continue;
      const line = file.removed.find(setsIt) ?? file.added.find(setsIt);
      if (!line) continue;
      out.features.missingValueAssigned = 1;
      out.evidence.push({ kind: 'missing-value-assigned', feature: 'missingValueAssigned', message: `Changed how '${word}', the missing value, is set in ${file.path}: \`${line.trim().slice(0, 80)}\``, path: file.path });
      return;
    }
  }
}

/** A removed guard that mentions a word of the error is the check that would have caught it. */
function judgeRemovedGuards(guards: readonly string[], context: HypothesisContext, out: HypothesisResult): void {
  for (const guard of guards) {
    const parts = new Set([...guard.matchAll(IDENTIFIER)].flatMap((m) => identifierParts(m[0])));
    const named = context.errorWords.filter((w) => parts.has(w.word));
    if (named.length === 0) continue;
    const strength = Math.max(...named.map((w) => w.originWeight));
    if (strength <= out.features.guardOnErrorWords) continue;
    out.features.guardOnErrorWords = strength;
    out.guardWords = named.map((w) => w.word);
    const shown = guard.length > 90 ? `${guard.slice(0, 87)}...` : guard;
    out.evidence.push({ kind: 'guard-on-error-words', feature: 'guardOnErrorWords', message: `Removed the check \`${shown}\`, which names ${named.slice(0, 3).map((w) => `'${w.word}'`).join(', ')} of the error` });
  }
}

/** The files of the code the failure ran through: the frames' and those of the code they call. */
export function ranThroughPaths(context: Pick<HypothesisContext, 'anchors' | 'neighbours'>): string[] {
  return [...new Set([...context.anchors.map((a) => a.path), ...context.neighbours.map((n) => n.path)])];
}

/**
 * A condition inverted in place in the code the failure ran through (a frame's file or the code
 * it calls): the test that decides the path the failing run took now means the opposite.
 */
function judgeInvertedConditions(inverted: RiskShape['conditionsInverted'], context: HypothesisContext, out: HypothesisResult): void {
  const ranThrough = new Set(ranThroughPaths(context));
  const near = inverted.find((c) => ranThrough.has(c.path));
  if (!near) return;
  out.features.conditionInverted = 1;
  const shown = (line: string) => (line.length > 70 ? `${line.slice(0, 67)}...` : line);
  out.evidence.push({ kind: 'condition-inverted', feature: 'conditionInverted', message: `Inverted a condition in ${near.path}: \`${shown(near.before)}\` became \`${shown(near.after)}\``, path: near.path });
}

function readTiming(commit: CandidateCommit, context: HypothesisContext, out: HypothesisResult): void {
  if (context.firstReleaseShas?.includes(commit.sha)) {
    out.features.firstRelease = 1;
    out.evidence.push({ kind: 'first-release', feature: 'firstRelease', message: 'Shipped in the first release that saw the error' });
  }
  if (context.changePointTime) {
    const gap = Date.parse(context.changePointTime) - Date.parse(commit.authorDate);
    if (gap >= 0 && gap <= CHANGE_POINT_WINDOW_MS) {
      out.features.beforeChangePoint = 1 - gap / CHANGE_POINT_WINDOW_MS;
      out.evidence.push({ kind: 'change-point', feature: 'beforeChangePoint', message: `Committed ${Math.round(gap / 3600000)} h before the error rate changed` });
    }
  }
}

export function evaluateHypothesis(commit: CandidateCommit, tracked: readonly TrackedFileChange[], context: HypothesisContext): HypothesisResult {
  const out: HypothesisResult = { sha: commit.sha, features: emptyFeatures(), matchedWords: [], evidence: [], suspectLines: [] };
  const f = out.features;
  const textFiles = commit.files.filter((file) => !file.binary);
  const linesChanged = textFiles.reduce((n, file) => n + file.added.length + file.removed.length, 0);
  f.size = Math.log1p(linesChanged);
  f.spread = Math.log1p(commit.files.length);
  const commentsOnly = !commit.formattingOnly && textFiles.length > 0 && textFiles.every((file) => languageForPath(file.path) && [...file.added, ...file.removed].every(isCommentLine));
  // A rename that missed a use fails with an error saying a name is missing: then it is a suspect.
  const renamed = commit.formattingOnly || commentsOnly || context.missingName ? undefined : renamedOnly(commit.files, errorWordSet(context));
  if (commit.formattingOnly || commentsOnly || renamed) {
    // A pure reformatting, comment edit or rename cannot change behaviour: no location, word or shape evidence.
    f.formattingOnly = 1;
    out.evidence.push({ kind: 'formatting-only', feature: 'formattingOnly', message: commentsOnly ? 'Only changed comments' : renamed ? `Only renamed ${renamed}` : 'Only reformatted code' });
    readTiming(commit, context, out);
    return out;
  }
  locateAgainstFrames(commit, tracked, context, out);
  out.matchedWords = matchErrorWords(commit, context);

  // Guards and error handling matter in product code, not in tests, docs or fixtures.
  // A deleted file takes its guards with it: no choice of shape was made there.
  // Comments describe code ("… if the name is not set …"); they guard nothing.
  const code = (lines: readonly string[]) => readable(lines).filter((line) => !isCommentLine(line));
  const risk = readRiskShape(textFiles.map((file) => (isProductCode(file.path) && !file.deleted ? { ...file, added: code(file.added), removed: code(file.removed) } : { ...file, added: [], removed: [] })));
  // Counts grow with the size of a change; what matters is how much of it is of that shape.
  const sizeDamping = 1 + Math.log1p(linesChanged / 100);
  f.guardsRemoved = Math.log1p(risk.guardsRemoved) / sizeDamping;
  f.errorHandlingChanged = Math.log1p(risk.errorHandlingChanged) / sizeDamping;
  f.configChanged = risk.configChanged ? 1 : 0;
  f.boundChanged = risk.boundsChanged.length > 0 ? 1 : 0;
  if (risk.guardsRemoved > 0) out.evidence.push({ kind: 'guard-removed', feature: 'guardsRemoved', message: `Removed ${risk.guardsRemoved} guard or null check${risk.guardsRemoved > 1 ? 's' : ''}` });
  judgeRemovedGuards(risk.removedGuards, context, out);
  judgeRemovedDefinitions(commit, context, out);
  judgeMissingValueAssignments(commit, context, out);
  judgeRemovedValues(commit, context, out);
  judgeRemovedPatterns(commit, context, out);
  if (risk.errorHandlingChanged > 0) out.evidence.push({ kind: 'error-handling', feature: 'errorHandlingChanged', message: `Changed error handling on ${risk.errorHandlingChanged} line${risk.errorHandlingChanged > 1 ? 's' : ''}` });
  const bound = risk.boundsChanged[0];
  if (bound) out.evidence.push({ kind: 'bound-changed', feature: 'boundChanged', message: `Moved a bound by one in ${bound.path}: '${bound.name}' compared with \`${bound.before}\` before and \`${bound.after}\` after`, path: bound.path });
  judgeInvertedConditions(risk.conditionsInverted, context, out);
  if (risk.configChanged) out.evidence.push({ kind: 'config', feature: 'configChanged', message: 'Changed configuration' });

  readTiming(commit, context, out);
  out.suspectLines = dedupeLines(out.suspectLines);
  return out;
}

function dedupeLines(lines: { path: string; line: number }[]): { path: string; line: number }[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const key = `${l.path}:${l.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
