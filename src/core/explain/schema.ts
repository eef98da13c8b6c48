// The JSON a model must answer with, as a JSON schema (sent as `response_format` where the server
// supports it) and as a small hand-written validator for exactly this schema: the shape is fixed
// and tiny, so a schema library (ajv is only a devDependency) would add weight without value.

export const MAX_SUMMARY_CHARS = 1200;
export const MAX_FIX_CHARS = 1200;
export const MAX_REASON_CHARS = 200;
export const MAX_SUSPECT_RANGES = 5;

export interface ModelAnswer {
  explanation: string;
  suspectLines: { path: string; startLine: number; endLine: number; reason: string }[];
  suggestedFix: string;
}

/** Strict-mode compatible: every property required, no additional properties. */
export const EXPLANATION_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['explanation', 'suspectLines', 'suggestedFix'],
  properties: {
    explanation: { type: 'string', description: 'How the commit leads to the observed error, in 2-4 sentences.' },
    suspectLines: {
      type: 'array',
      maxItems: MAX_SUSPECT_RANGES,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'startLine', 'endLine', 'reason'],
        properties: {
          path: { type: 'string' },
          startLine: { type: 'integer', minimum: 1 },
          endLine: { type: 'integer', minimum: 1 },
          reason: { type: 'string' },
        },
      },
    },
    suggestedFix: { type: 'string', description: 'A concrete change that would fix the error.' },
  },
};

export type Validation = { ok: true; value: ModelAnswer } | { ok: false; error: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function extraKeys(value: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(value).filter((k) => !allowed.includes(k));
}

function checkText(value: unknown, name: string, max: number): string | undefined {
  if (typeof value !== 'string') return `${name} must be a string`;
  if (value.trim() === '') return `${name} is empty`;
  if (value.length > max) return `${name} is longer than ${max} characters`;
  return undefined;
}

function checkRange(value: unknown, index: number): string | undefined {
  const at = `suspectLines[${index}]`;
  if (!isObject(value)) return `${at} must be an object`;
  const extra = extraKeys(value, ['path', 'startLine', 'endLine', 'reason']);
  if (extra.length > 0) return `${at} has unexpected properties: ${extra.join(', ')}`;
  if (typeof value.path !== 'string' || value.path === '') return `${at}.path must be a non-empty string`;
  for (const key of ['startLine', 'endLine'] as const) {
    const n = value[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return `${at}.${key} must be an integer >= 1`;
  }
  if ((value.endLine as number) < (value.startLine as number)) return `${at}.endLine is before startLine`;
  return checkText(value.reason, `${at}.reason`, MAX_REASON_CHARS);
}

/** Checks a parsed value against EXPLANATION_SCHEMA (plus length limits the schema leaves out). */
export function validateModelAnswer(value: unknown): Validation {
  if (!isObject(value)) return { ok: false, error: 'the answer must be a JSON object' };
  const extra = extraKeys(value, ['explanation', 'suspectLines', 'suggestedFix']);
  if (extra.length > 0) return { ok: false, error: `unexpected properties: ${extra.join(', ')}` };
  const problem =
    checkText(value.explanation, 'explanation', MAX_SUMMARY_CHARS) ??
    checkText(value.suggestedFix, 'suggestedFix', MAX_FIX_CHARS) ??
    (!Array.isArray(value.suspectLines)
      ? 'suspectLines must be an array'
      : value.suspectLines.length > MAX_SUSPECT_RANGES
        ? `suspectLines has more than ${MAX_SUSPECT_RANGES} items`
        : value.suspectLines.map(checkRange).find((e) => e !== undefined));
  return problem ? { ok: false, error: problem } : { ok: true, value: value as unknown as ModelAnswer };
}

/**
 * Parses a model's text answer: the JSON object itself, or one wrapped in a Markdown code fence
 * (some local servers add one even when asked not to). Anything else is rejected.
 */
export function parseModelAnswer(text: string): Validation {
  const trimmed = text.trim();
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n```$/i.exec(trimmed);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fenced ? fenced[1] : trimmed);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  return validateModelAnswer(parsed);
}

/**
 * The text of the `explanation` property so far in a partial JSON answer, for showing the
 * explanation while it streams. Returns undefined until the property has started.
 */
export function partialExplanation(partialJson: string): string | undefined {
  const start = /"explanation"\s*:\s*"/.exec(partialJson);
  if (!start) return undefined;
  let out = '';
  for (let i = start.index + start[0].length; i < partialJson.length; i++) {
    const c = partialJson[i];
    if (c === '"') break;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = partialJson[i + 1];
    if (next === undefined) break;
    if (next === 'u') {
      const hex = partialJson.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
    } else {
      out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
      i += 1;
    }
  }
  return out;
}
