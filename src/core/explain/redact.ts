// Removes secrets from text before it is sent to a language model: cloud and SaaS keys, tokens,
// private keys, credentials in connection strings and assignments, and email addresses. Each
// secret becomes `[REDACTED:<kind>]` so the model still sees that something was there.

export type SecretKind =
  | 'private-key'
  | 'connection-credentials'
  | 'jwt'
  | 'bearer-token'
  | 'basic-auth'
  | 'aws-access-key'
  | 'github-token'
  | 'openai-key'
  | 'stripe-key'
  | 'google-api-key'
  | 'slack-token'
  | 'slack-webhook'
  | 'assigned-secret'
  | 'email';

export interface RedactionResult {
  text: string;
  /** How many secrets of each kind were replaced. */
  counts: Partial<Record<SecretKind, number>>;
}

interface Rule {
  kind: SecretKind;
  pattern: RegExp;
  /** Builds the replacement from the match groups; the default replaces the whole match. */
  replace?: (marker: string, ...groups: string[]) => string;
}

const marker = (kind: SecretKind) => `[REDACTED:${kind}]`;

/** Names whose assigned value is a secret. `token` alone counts; `tokens`/`tokenize` do not. */
const SECRET_NAME = String.raw`[A-Za-z0-9_.-]*(?:password|passwd|pwd|passphrase|secret|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|client[_-]?secret|token)`;

/** Values that are placeholders or code rather than a secret. */
const NOT_A_SECRET_VALUE = /^(?:null|none|nil|undefined|true|false|string|str|bytes|number|int|any|unknown|optional|required)$|^\[REDACTED:|^\$\{|^<.*>$|^\*+$|^%\(|^\{\{/i;
/** An identifier, member access or call: code that reads a secret rather than the secret itself. */
const CODE_EXPRESSION = /^[A-Za-z_$][\w$]*(?:(?:\.|\?\.|::|->)[A-Za-z_$][\w$]*)*(?:\(|\[|$)/;

function redactAssignedValue(prefix: string, value: string, quoted: boolean): boolean {
  if (value.length < 3 || NOT_A_SECRET_VALUE.test(value)) return false;
  if (quoted) return true;
  const code = CODE_EXPRESSION.test(value);
  // `password = req.body.password`, `SECRET_KEY = os.environ[...]`: code that reads a secret.
  if (code && /[.([]|::|->/.test(value)) return false;
  // `DB_PASSWORD=hunter` in a .env file holds the secret itself, letters only or not.
  if (/^[A-Z0-9_]+\s*=/.test(prefix)) return true;
  // Otherwise a bare word is a variable (`password: userPassword`) unless it has digits or symbols.
  return !code || /\d/.test(value);
}

// Order matters: whole structures (PEM blocks, URLs with credentials, JWTs) go before the
// token shapes they contain, and the assignment rule after the specific key shapes.
const RULES: Rule[] = [
  { kind: 'private-key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/g },
  {
    kind: 'connection-credentials',
    pattern: /\b([a-z][a-z0-9+.-]{1,30}:\/\/)([^\s:/?#@'"`]+):([^\s/?#@'"`]+)@/gi,
    replace: (m, scheme) => `${scheme}${m}@`,
  },
  // ADO.NET / JDBC-style `Server=db;User Id=sa;Password=...;`
  { kind: 'connection-credentials', pattern: /(;[ \t]*(?:Password|Pwd)[ \t]*=[ \t]*)[^;'"`\r\n]+/gi, replace: (m, prefix) => `${prefix}${m}` },
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{10,}/g },
  { kind: 'bearer-token', pattern: /\b(Bearer\s+)[A-Za-z0-9._~+/-]{12,}=*/g, replace: (m, prefix) => `${prefix}${m}` },
  { kind: 'basic-auth', pattern: /\b(Basic\s+)[A-Za-z0-9+/]{12,}={0,2}/g, replace: (m, prefix) => `${prefix}${m}` },
  { kind: 'aws-access-key', pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b/g },
  { kind: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { kind: 'openai-key', pattern: /\bsk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_-]{20,}/g },
  { kind: 'stripe-key', pattern: /\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  { kind: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'slack-webhook', pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/]+/g },
  { kind: 'slack-token', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}\b/g },
  {
    kind: 'assigned-secret',
    // name, optional closing quote of a JSON/dict key, `=` or `:` (not `==`, `=>`, `::`), the value.
    pattern: new RegExp(String.raw`(\b${SECRET_NAME}\b['"]?\s*(?:=(?![=>~])|:(?![:=]))\s*)(?:(['"\`])([^'"\`\r\n]*)\2|([^\s'"\`,;)}\]]+))`, 'gi'),
    replace: (m, prefix, quote, quotedValue, bareValue) => {
      const quoted = quote !== undefined;
      const value = quoted ? quotedValue : bareValue;
      if (!redactAssignedValue(prefix, value, quoted)) return '';
      return quoted ? `${prefix}${quote}${m}${quote}` : `${prefix}${m}`;
    },
  },
  {
    kind: 'email',
    // A file such as `logo@2x.png` is not an address.
    pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?!(?:png|jpe?g|gif|svg|webp|ico|js|mjs|ts|css|map|json)\b)[A-Za-z]{2,24}\b/g,
  },
];

/** Replaces every secret in `text`; returns the new text and what was found. */
export function redactSecrets(text: string): RedactionResult {
  const counts: RedactionResult['counts'] = {};
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, -2) as string[];
      const replaced = rule.replace ? rule.replace(marker(rule.kind), ...groups) : marker(rule.kind);
      // A rule's replace returns '' to say "this match is not a secret after all".
      if (replaced === '') return match;
      counts[rule.kind] = (counts[rule.kind] ?? 0) + 1;
      return replaced;
    });
  }
  return { text: out, counts };
}

/** Adds one result's counts into a running total. */
export function addRedactionCounts(total: RedactionResult['counts'], more: RedactionResult['counts']): void {
  for (const [kind, n] of Object.entries(more) as [SecretKind, number][]) total[kind] = (total[kind] ?? 0) + n;
}
