// The data the explanation stage takes and gives: the causes to explain with their hunks, the
// structured explanation, and the small model interface every provider (OpenAI-compatible
// endpoint, VS Code language model) implements.

import type { RankedCause } from '../analysis/ranking';
import type { Incident } from '../incident/model';

/** One hunk of the cause's commit; paths and lines as the caller wants them shown (the working tree). */
export interface ExplainHunk {
  path: string;
  /** 1-based first line of the hunk on the new side. */
  newStart: number;
  /** Lines the hunk spans on the new side (context included), when known. */
  newLines?: number;
  added: string[];
  removed: string[];
}

/** A ranked cause and what the explainer may read of its commit. */
export interface CauseToExplain {
  cause: RankedCause;
  hunks: ExplainHunk[];
  /** Full commit message (subject and body); the subject alone is in `cause.commit`. */
  commitMessage?: string;
}

export interface ExplainRequest {
  incident: Incident;
  /** The incident's frames found in the repository: files are named by their repository path. */
  frames?: readonly { path: string; line: number }[];
  /** In rank order; only the first `top` are explained. */
  causes: CauseToExplain[];
}

export interface SuspectRange {
  path: string;
  startLine: number;
  endLine: number;
  /** Why these lines matter, in a few words. */
  reason: string;
}

/** Why a model's explanation was replaced by the offline one. */
export type FallbackReason =
  | 'unauthorized'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  /** The endpoint refused the request itself (unknown model, bad request). */
  | 'rejected'
  | 'invalid-output'
  | 'skipped-after-failure';

export interface Explanation {
  sha: string;
  rank: number;
  /** How the change leads to the observed symptom. */
  summary: string;
  suspectLines: SuspectRange[];
  suggestedFix: string;
  /** `offline` or the model's id. */
  author: string;
  /** `cache` when it was read back from the cache of an earlier model answer. */
  origin: 'model' | 'offline' | 'cache';
  /** Set when a model was asked but its answer could not be used. */
  fallback?: { reason: FallbackReason; detail: string; retryAfterSeconds?: number };
  /** Tokens of the prompt sent for this explanation (0 when none was sent). */
  promptTokens: number;
  /** `usage` when the server reported it, `estimate` when counted here, `none` when nothing was sent. */
  promptTokensSource: 'usage' | 'estimate' | 'none';
  completionTokens?: number;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ModelCompletion {
  text: string;
  /** As reported by the server, when it reports usage. */
  usage?: { promptTokens: number; completionTokens: number };
}

export interface CompleteOptions {
  signal: AbortSignal;
  /** Called with each fragment of text as it streams in. */
  onText?: (fragment: string) => void;
  /** The JSON schema the answer must follow, for providers that can enforce one. */
  responseSchema?: { name: string; schema: Record<string, unknown> };
}

/**
 * A language model that can write explanations. Implemented here for OpenAI-compatible endpoints
 * and in src/vscode for `vscode.lm`. Errors should be CauseLensErrors (reason `unauthorized`,
 * `rate-limited`, `server-error`, `timeout`, `cancelled`); anything else counts as a server error.
 */
export interface ExplanationModel {
  /** Stable id used in cache keys and shown as the author, e.g. `openai:gpt-4o-mini`. */
  readonly id: string;
  /** Where the prompt goes, shown to the user and bound by consent, e.g. a base URL. */
  readonly endpoint: string;
  complete(messages: ChatMessage[], options: CompleteOptions): Promise<ModelCompletion>;
}
