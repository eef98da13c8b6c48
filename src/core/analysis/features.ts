// The evidence a hypothesis ("this commit caused the incident") is scored on: named features,
// each a number in a small range, plus the sentences a person reads to check them.

export const FEATURE_NAMES = [
  /** A hunk covered a frame's line (weighted by how near the crash the frame is). */
  'frameLineChanged',
  /** The frame's current line was written by this commit and still stands. */
  'crashLineIntroduced',
  /** A hunk fell inside a frame's enclosing function or method. */
  'enclosingSymbolChanged',
  /** The commit touched a file of an in-app frame. */
  'frameFileChanged',
  /** A hunk fell inside a symbol one call away from a frame. */
  'calleeChanged',
  /** A hunk fell inside a symbol two calls away from a frame. */
  'callee2Changed',
  /** A hunk fell inside a product symbol named like the failing test (see testNames.ts). */
  'testNamedChanged',
  /** Words of the error found in the identifiers the commit added or removed (IDF-weighted). */
  'errorWords',
  /** The commit shipped in the first release that saw the error. */
  'firstRelease',
  /** The commit was deployed shortly before the error rate changed. */
  'beforeChangePoint',
  'guardsRemoved',
  /** A removed guard named a word of the error: the check that would have caught this value. */
  'guardOnErrorWords',
  /** The commit removed or renamed the definition of a name the error says is missing. */
  'definitionRemoved',
  /**
   * The commit removed the definition of the name the error says is missing, and nothing defines
   * it at the incident revision: by itself a sufficient explanation of the failure.
   */
  'missingNameRemoved',
  /** The commit removed a literal the error quotes from the code and wrote it nowhere else. */
  'quotedValueRemoved',
  /** The commit changed how the value that turned out missing is assigned (`customer: ...`). */
  'missingValueAssigned',
  'errorHandlingChanged',
  /** A comparison's bound moved by one (`>=` became `>`): the classic off-by-one. */
  'boundChanged',
  /** A condition in code the failure ran through was inverted in place (`===` became `!==`). */
  'conditionInverted',
  'configChanged',
  /** log(1 + lines changed). */
  'size',
  /** log(1 + files changed). */
  'spread',
  /** 1 for the newest candidate down to 0 for the oldest. */
  'recency',
  /** A change that cannot alter behaviour: whitespace or layout, comments, or renames only. */
  'formattingOnly',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureVector = Record<FeatureName, number>;

export type EvidenceKind =
  | 'frame-line'
  | 'crash-line-introduced'
  | 'enclosing-symbol'
  | 'frame-file'
  | 'callee'
  | 'error-words'
  | 'first-release'
  | 'change-point'
  | 'guard-removed'
  | 'guard-on-error-words'
  | 'definition-removed'
  | 'quoted-value-removed'
  | 'missing-value-assigned'
  | 'error-handling'
  | 'bound-changed'
  | 'condition-inverted'
  | 'config'
  | 'size'
  | 'formatting-only'
  | 'intervention';

export interface Evidence {
  kind: EvidenceKind;
  /** Contribution of this evidence to the commit's score (weight times feature value). */
  weight: number;
  message: string;
  path?: string;
  line?: number;
}

const NO_FEATURES = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as FeatureVector;

export function emptyFeatures(): FeatureVector {
  return { ...NO_FEATURES };
}
