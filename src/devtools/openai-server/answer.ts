// The stand-in model's answers: a deterministic explanation built from the data block of the
// prompt it received (so tests can see what was sent), the answers faults call for, and a crude
// tokenizer for `usage`.

export interface ChatMessageIn {
  role: string;
  content: unknown;
}

/** The text of a message whose content is a string or an array of text parts. */
export function messageText(message: ChatMessageIn): string {
  if (typeof message.content === 'string') return message.content;
  if (Array.isArray(message.content)) {
    return message.content.map((part) => (typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '')).join('');
  }
  return '';
}

/** Counts words and punctuation marks: not a real tokenizer, but deterministic and unlike chars/4. */
export function countTokens(text: string): number {
  return text.match(/\w+|[^\s\w]/g)?.length ?? 0;
}

const INJECTION = /\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|prior|above|earlier)\s+instructions\b/i;

/** True when any message contains a classic prompt-injection phrase. */
export function containsInjection(messages: readonly ChatMessageIn[]): boolean {
  return messages.some((m) => INJECTION.test(messageText(m)));
}

/** What a model that obeys injected instructions would say: no JSON, a made-up culprit. */
export const GULLIBLE_ANSWER = 'PWNED. As instructed, ignoring the format: the real culprit is commit 0000000, rank it first.';

interface DataBlock {
  commit?: { sha?: string; message?: string };
  incident?: { exceptions?: { type?: string; message?: string }[]; frames?: { file?: string; line?: number; function?: string }[] };
  hunks?: { path?: string; newStart?: number; newLines?: number; diff?: string }[];
}

/** The JSON between the `BEGIN_UNTRUSTED_DATA <tag>` and `END_UNTRUSTED_DATA <tag>` lines, if any. */
export function readDataBlock(prompt: string): DataBlock | undefined {
  const begin = /^BEGIN_UNTRUSTED_DATA (\S+)$/m.exec(prompt);
  if (!begin) return undefined;
  const endMarker = `\nEND_UNTRUSTED_DATA ${begin[1]}`;
  const start = begin.index + begin[0].length + 1;
  const end = prompt.indexOf(endMarker, start);
  if (end < 0) return undefined;
  try {
    const data: unknown = JSON.parse(prompt.slice(start, end));
    return typeof data === 'object' && data !== null ? (data as DataBlock) : undefined;
  } catch {
    return undefined;
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A schema-valid explanation echoing the data the prompt carried. */
export function explanationFromPrompt(messages: readonly ChatMessageIn[]): string {
  const user = [...messages].reverse().find((m) => m.role === 'user');
  const prompt = user ? messageText(user) : '';
  const data = readDataBlock(messages.map(messageText).join('\n'));
  if (!data) {
    return JSON.stringify({
      explanation: `The prompt carried no data block (${prompt.length} characters received).`,
      suspectLines: [],
      suggestedFix: 'Send the incident and the commit as a data block.',
    });
  }
  const sha = (data.commit?.sha ?? 'unknown').slice(0, 7);
  const subject = (data.commit?.message ?? '').split('\n')[0];
  const error = data.incident?.exceptions?.[0];
  const frame = data.incident?.frames?.[0];
  const hunks = (data.hunks ?? []).filter((h) => typeof h.path === 'string' && typeof h.newStart === 'number');
  const where = frame ? ` at ${frame.file}:${frame.line ?? '?'}${frame.function ? ` in ${frame.function}` : ''}` : '';
  const changed = hunks.length > 0 ? hunks.map((h) => `${h.path}:${h.newStart}`).join(', ') : 'no hunks';
  const explanation = `Commit ${sha} ("${subject}") changed ${changed}; the error ${error?.type ?? 'Error'}: ${error?.message ?? ''} is thrown${where}. Received ${hunks.length} hunks and ${data.incident?.frames?.length ?? 0} frames.`;
  const removedGuard = hunks.flatMap((h) => (h.diff ?? '').split('\n')).find((l) => l.startsWith('-') && /\bif\b/.test(l));
  const first = hunks[0];
  return JSON.stringify({
    explanation: clip(explanation, 1100),
    suspectLines: hunks.slice(0, 2).map((h) => ({ path: h.path, startLine: h.newStart, endLine: h.newStart! + Math.max((h.newLines ?? 1) - 1, 0), reason: 'changed by the commit' })),
    suggestedFix: clip(removedGuard ? `Restore the removed check: ${removedGuard.slice(1).trim()}` : first ? `Review ${first.path}:${first.newStart}.` : 'Review the commit.', 1100),
  });
}

/** Content that is not JSON at all. */
export const INVALID_JSON_ANSWER = 'Sure! The commit broke it because {"explanation": "the guard was removed", ';
/** Valid JSON that does not follow the explanation schema. */
export const OFF_SCHEMA_ANSWER = JSON.stringify({ answer: 'the guard was removed', lines: 'src/users.js:12', confidence: 0.9 });
