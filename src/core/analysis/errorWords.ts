// The words of an error worth looking for in a diff: identifiers named by the exception type,
// its message (`reading 'email'`, `has no attribute 'split'`, `"name" is null`), breadcrumbs and
// span names. Generic English and runtime boilerplate are dropped so that matches mean something.

import type { Incident } from '../incident/model';

export interface ErrorWord {
  word: string;
  /** Where the word came from; quoted message identifiers are the strongest signal. */
  origin: 'quoted' | 'message' | 'type' | 'breadcrumb' | 'span' | 'crash-line' | 'missing-value' | 'test-name';
}

const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/g;
const QUOTED = /(['"`])((?:(?!\1).){1,80})\1/g;
const WHOLE_QUOTED_NAME = /^\s*(['"])([A-Za-z_][\w]*)\1\s*$/;
const UNTRIMMED_WORDS = ['trim', 'strip'];
/** How code rounds, across languages: `round`, `ROUND_HALF_UP`, `quantize`, `toFixed`, `setScale`, `floor`. */
const ROUNDING_WORDS = ['round', 'rounding', 'half', 'quantize', 'tofixed', 'setscale', 'floor', 'ceil'];
const NUMBER = /(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])/g;
const MISSING_SUBJECT = /([A-Za-z_$][\w$.]*) is not (?:a function|defined|a constructor|iterable)/g;
/** `org.json.` of `org.json.JSONArray`, `java.util.` of `java.util.List`: where a class lives, not what failed. */
const PACKAGE_PREFIX = /\b(?:java|javax|jdk|sun|org|com|net|io|android|androidx|kotlin|kotlinx)\.(?:[a-z][a-z0-9_]*\.)*(?=[A-Z])/g;
/** Java's helpful NullPointerException names the null value: `because "this.baseArgs" is null`. */
const NULL_NAMED = /because "([^"<>]+)" is null/g;
/** And, when the null came from a call, the method: `because the return value of "a.b.Repo.find(String)" is null`. */
const NULL_RETURNED = /because the return value of "(?:[\w$]+\.)*([\w$]+)\([^"]*\)" is null/g;
/** A quoted value whose quotes are not part of a word (`can't`) and hold no other quote mark. */
const QUOTED_VALUE = /(?<![\w'"`])(['"`])([^'"`\n]{3,80})\1(?![\w'"`])/g;

/** Words that appear in countless error messages or programs and so carry no evidence. */
const STOP_WORDS = new Set(
  `a an and are as at be because been but by can cannot could did do does error exception failed
  for from function has have in into is it its no none not null nil undefined of on or object
  properties property read reading set setting that the this to type value was were with without
  call called calling invoke expected got must should unknown unexpected invalid argument arguments
  index out bounds range key attribute str int string number list dict array self new return
  true false var let const def class import main module args kwargs java lang util io at line file
  message cause caused by traceback most recent last thrown uncaught runtime internal code
  if else elif for while return await async yield throw raise try catch except finally static
  public private protected void final this that typeof instanceof lambda pass break continue
  assert asserts strictequal deepequal deepstrictequal notequal equals expect tobe toequal
  assertequal assertequals asserttrue assertfalse assertthat assertraises assertin should fail
  values strictly equal deep actual differ differs differing lists tuples first second element
  elements additional contains item items received`
    .split(/\s+/)
    .filter(Boolean),
);

/** A-Z, a-z, 0-9, `_` or `$`, by char code (this runs for every word found in every changed line). */
export function isIdentifierChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

/** Identifiers already split: the same few recur on line after line of a history. */
const partsCache = new Map<string, readonly string[]>();
const PARTS_CACHE_SIZE = 50_000;

/** Splits `getUserEmail`, `user_email` and `user.email` into their parts, keeping the whole too. */
export function identifierParts(identifier: string): readonly string[] {
  let parts = partsCache.get(identifier);
  if (parts) return parts;
  const split = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_$.]+/)
    .map((p) => p.toLowerCase())
    .filter((p) => p.length >= 3);
  parts = [...new Set([identifier.toLowerCase(), ...split])];
  if (partsCache.size >= PARTS_CACHE_SIZE) partsCache.clear();
  partsCache.set(identifier, parts);
  return parts;
}

export function isInformative(word: string): boolean {
  return word.length >= 3 && !STOP_WORDS.has(word.toLowerCase()) && !/^\d/.test(word);
}

/** Extracts the distinctive words of an incident's errors, strongest first, without duplicates. */
export function extractErrorWords(incident: Incident): ErrorWord[] {
  const found = new Map<string, ErrorWord>();
  const add = (raw: string, origin: ErrorWord['origin']) => {
    for (const m of raw.replace(PACKAGE_PREFIX, '').matchAll(IDENTIFIER)) {
      const word = m[0];
      if (!isInformative(word)) continue;
      const key = word.toLowerCase();
      if (!found.has(key)) found.set(key, { word, origin });
    }
  };
  // The reported failure's words first, then those of the other failures reported with it.
  const exceptions = [...incident.exceptions, ...(incident.otherFailures ?? []).flat()];
  for (const exception of exceptions) {
    // A message that is only a quoted name (Python's KeyError: 'type') names the missing key,
    // however common the word: the rarity weighting in the ranking judges how much it says.
    const key = WHOLE_QUOTED_NAME.exec(exception.message)?.[2];
    if (key && key.length >= 3 && !found.has(key.toLowerCase())) found.set(key.toLowerCase(), { word: key, origin: 'quoted' });
    for (const m of exception.message.matchAll(QUOTED)) add(m[2], 'quoted');
    // `utils.combine is not a function`, `compactQueue is not defined`: the missing name, unquoted.
    for (const m of exception.message.matchAll(MISSING_SUBJECT)) add(m[1].split('.').pop() ?? m[1], 'quoted');
  }
  // A quoted value with spaces at an end (`For input string: "8080   "`) was not trimmed: the
  // code that trims (or strips) it is the suspect.
  const untrimmed = exceptions.some((e) => [...e.message.matchAll(QUOTED)].some((m) => m[2].trim() !== '' && m[2] !== m[2].trim()));
  for (const word of untrimmed ? UNTRIMMED_WORDS : []) if (!found.has(word)) found.set(word, { word, origin: 'message' });
  // One value rounded two ways (`12.49` where `12.50` was expected, `5709.09` where `5709` was):
  // the code that rounds is the suspect.
  for (const word of exceptions.some((e) => roundedDifferently(e.message)) ? ROUNDING_WORDS : []) if (!found.has(word)) found.set(word, { word, origin: 'message' });
  for (const exception of exceptions) {
    add(exception.message, 'message');
    // `TypeError`, `KeyError` say little; `InsufficientFundsError` or `UserNotFound` say a lot.
    // `AssertionError [ERR_ASSERTION]`: Node's code in brackets is not part of the name.
    const shortType = exception.type.replace(/\s*\[[^\]]*\]$/, '').split(/[.$]/).pop() ?? exception.type;
    if (!/^(Type|Reference|Range|Syntax|Key|Index|Value|Attribute|Runtime|Assertion|NullPointer|IllegalArgument|IllegalState|Arithmetic|ClassCast|NumberFormat|UnsupportedOperation|Zero ?Division|Name|Lookup|OS|IO)(Error|Exception)$/.test(shortType)) {
      add(shortType, 'type');
    }
  }
  for (const crumb of incident.breadcrumbs ?? []) add(crumb.message, 'breadcrumb');
  for (const span of incident.spanPath ?? []) add(span.name, 'span');
  return [...found.values()];
}

/**
 * Whether `message` holds two numbers that read as one value rounded two ways: one unit apart
 * in their last decimal place (12.49 and 12.50), or the finer one rounding to the other
 * (5709.09 and 5709), close enough (within 1%) not to be two unrelated numbers.
 */
export function roundedDifferently(message: string): boolean {
  const numbers = [...new Set([...message.matchAll(NUMBER)].map((m) => m[0]))].slice(0, 24);
  const places = (n: string) => n.split('.')[1]?.length ?? 0;
  for (const a of numbers) {
    for (const b of numbers) {
      const [x, y] = [Number(a), Number(b)];
      if (x === y || places(a) < places(b) || places(a) === 0) continue;
      const unit = 10 ** -places(a);
      if (places(a) === places(b) && Math.abs(Math.abs(x - y) - unit) < unit / 2) return true;
      if (places(a) > places(b) && Math.abs(x - y) <= 10 ** -places(b) / 2 && Math.abs(x - y) < Math.abs(y) / 100) return true;
    }
  }
  return false;
}

/** An error that says something looked for was not there: a key, a route, an option, a name. */
const NOT_FOUND = /\b(?:no|unknown|missing|unsupported|unrecognized|unregistered|not (?:found|registered|supported|defined|recognized)|no such|could not find|cannot find|can't find|KeyError|NoSuchElement|LookupError)\b/i;

/** A failed check compares what the code made with what was expected; it looks nothing up. */
const ASSERTION = /Assert|ComparisonFailure|Expect/i;

/**
 * The values that errors saying something was not found quote as code would write them (`no
 * route for topic "invoice.reminder"`, `KeyError: 'type'`): the key the failing code looked for.
 * Other quoted values (an assertion's results, the content of a message) are what the code made.
 */
export function quotedValues(exceptions: readonly { type: string; message: string }[]): string[] {
  const found = new Set<string>();
  for (const { type, message } of exceptions) {
    if (ASSERTION.test(type) || !NOT_FOUND.test(`${type}: ${message}`)) continue;
    for (const m of message.matchAll(QUOTED_VALUE)) {
      const value = m[2];
      if (value === value.trim() && /[A-Za-z]/.test(value)) found.add(value);
    }
  }
  return [...found];
}

/** An error that says a value could not be read: a date, a number, a pattern it did not match. */
const REJECTED = /\b(?:does not match|doesn't match|did not match|no format matched|cannot parse|can't parse|could not parse|unable to parse|failed to parse|unparseable|invalid (?:date|time|datetime|timestamp|format|number|literal)|not a valid|for input string)\b/i;

/**
 * The values that errors saying a value could not be parsed quote (`time data '2021-06-01T08:30:00'
 * does not match format ...`, `For input string: "8080 "`): what some format or pattern of the
 * code should have accepted. Quoted formats (`'%d.%m.%Y'`) are what was tried, not the value.
 */
export function rejectedValues(exceptions: readonly { type: string; message: string }[]): string[] {
  const found = new Set<string>();
  for (const { type, message } of exceptions) {
    if (ASSERTION.test(type) || !REJECTED.test(`${type}: ${message}`)) continue;
    for (const m of message.matchAll(QUOTED_VALUE)) if (/[A-Za-z0-9]/.test(m[2]) && !m[2].includes('%')) found.add(m[2]);
  }
  return [...found];
}

/** The methods whose result the messages say was null (Java names them): where the missing value came from. */
export function nullReturningMethods(messages: readonly string[]): string[] {
  return [...new Set(messages.flatMap((m) => [...m.matchAll(NULL_RETURNED)].map((r) => r[1])))];
}

/** Identifiers of the source lines the stack points at (the crash line first): the values involved. */
export function crashLineWords(lines: readonly string[]): ErrorWord[] {
  const found = new Map<string, ErrorWord>();
  for (const line of lines) {
    for (const m of line.matchAll(IDENTIFIER)) {
      const key = m[0].toLowerCase();
      if (isInformative(m[0]) && !found.has(key)) found.set(key, { word: m[0], origin: 'crash-line' });
    }
  }
  return [...found.values()];
}

/** The property an error says could not be read on a missing value, per runtime's wording. */
const MISSING_PROPERTY = /reading '([\w$]+)'|property '([\w$]+)' of (?:undefined|null)|has no attribute '(\w+)'|undefined method `(\w+)' for nil|Cannot invoke "[\w.$]*?\.?(\w+)\(/;

/**
 * The value that was missing: in `order.customer.email` failing with "reading 'email'", it is
 * `customer`. Whatever commit changed how that value is made is the prime suspect.
 */
export function missingValueWords(messages: readonly string[], crashLine: string | undefined): ErrorWord[] {
  const found: ErrorWord[] = [];
  for (const message of messages) {
    // The message names it: the last name of the expression (`baseArgs` of `this.baseArgs`).
    for (const m of message.matchAll(NULL_NAMED)) {
      const name = /([A-Za-z_$][\w$]*)\W*$/.exec(m[1])?.[1];
      if (name && isInformative(name) && !found.some((w) => w.word === name)) found.push({ word: name, origin: 'missing-value' });
    }
  }
  if (!crashLine) return found;
  for (const message of messages) {
    const m = MISSING_PROPERTY.exec(message);
    const property = m?.slice(1).find(Boolean);
    if (!property) continue;
    const access = new RegExp(`([A-Za-z_$][\\w$]*)(?:\\(\\))?\\??\\.${property.replace(/\$/g, '\\$')}\\b`, 'g');
    for (const a of crashLine.matchAll(access)) {
      if (isInformative(a[1]) && !found.some((w) => w.word === a[1])) found.push({ word: a[1], origin: 'missing-value' });
    }
  }
  return found;
}
