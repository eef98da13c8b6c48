import * as assert from 'node:assert/strict';
import { crashLineWords, extractErrorWords, identifierParts, missingValueWords, quotedValues, rejectedValues } from '../../../src/core/analysis/errorWords';
import { readRiskShape } from '../../../src/core/analysis/riskShape';
import type { Incident } from '../../../src/core/incident/model';

function incidentWith(type: string, message: string): Incident {
  return { id: 'x', source: 'stacktrace', title: message, platform: 'javascript', exceptions: [{ type, message, frames: [] }], warnings: [] };
}

describe('error words', () => {
  it('takes quoted identifiers from V8, Python and Java messages, strongest first', () => {
    const js = extractErrorWords(incidentWith('TypeError', "Cannot read properties of undefined (reading 'email')"));
    assert.deepEqual(js.map((w) => w.word), ['email']);
    assert.equal(js[0].origin, 'quoted');
    const py = extractErrorWords(incidentWith('AttributeError', "'NoneType' object has no attribute 'split'"));
    assert.deepEqual(py.map((w) => w.word).sort(), ['NoneType', 'split']);
    const java = extractErrorWords(incidentWith('java.lang.NullPointerException', 'Cannot invoke "String.length()" because "customerName" is null'));
    assert.ok(java.some((w) => w.word === 'customerName'));
    assert.ok(!java.some((w) => w.word === 'NullPointerException'), 'generic exception types carry no evidence');
  });

  it('takes the missing name of a V8 "is not a function/defined" error as strongly as a quoted one', () => {
    assert.deepEqual(extractErrorWords(incidentWith('TypeError', 'utils.combine is not a function')).filter((w) => w.origin === 'quoted').map((w) => w.word), ['combine']);
    assert.deepEqual(extractErrorWords(incidentWith('ReferenceError', 'compactQueue is not defined')).filter((w) => w.origin === 'quoted').map((w) => w.word), ['compactQueue']);
  });

  it('leaves out the package of a Java class a message names', () => {
    const words = extractErrorWords(incidentWith('java.lang.NullPointerException', 'Cannot invoke "org.json.JSONArray.getString(int)" because "this.baseArgs" is null')).map((w) => w.word);
    assert.deepEqual(words, ['JSONArray', 'getString', 'baseArgs']);
  });

  it('keeps the key a KeyError names, however common the word', () => {
    assert.deepEqual(extractErrorWords(incidentWith('KeyError', "'type'")).map((w) => [w.word, w.origin]), [['type', 'quoted']]);
    assert.deepEqual(extractErrorWords(incidentWith('KeyError', "'id'")), [], 'too short to find in a diff');
    assert.deepEqual(extractErrorWords(incidentWith('ValueError', "bad 'type' given")).map((w) => w.word), ['bad', 'given'], 'a common word inside a sentence still says nothing');
  });

  it('suspects the trimming when a quoted value has spaces at an end', () => {
    const words = (type: string, message: string) => extractErrorWords(incidentWith(type, message)).map((w) => w.word);
    assert.deepEqual(words('java.lang.NumberFormatException', 'For input string: "8080    "'), ['trim', 'strip', 'input']);
    assert.ok(words('ValueError', "invalid literal for int() with base 10: ' 42'").includes('strip'));
    assert.ok(!words('java.lang.NumberFormatException', 'For input string: "80a0"').includes('trim'));
  });

  it('suspects the rounding when two numbers read as one value rounded two ways', () => {
    const rounding = (message: string) => extractErrorWords(incidentWith('AssertionError', message)).some((w) => w.word === 'round');
    assert.ok(rounding("assert Decimal('12.49') == Decimal('12.50')"), 'pytest');
    assert.ok(rounding('expected:<12.50> but was:<12.49>'), 'JUnit');
    assert.ok(rounding('Expected: 12.5\nReceived: 12.49'), 'jest: the finer number sets the place');
    assert.ok(rounding('-   "net": 5709,\n+   "net": 5709.09,'), 'cents where a whole amount was expected');
    assert.ok(!rounding('at line 12, the value 12.3'), 'too far apart to be one value');
    assert.ok(!rounding('expected:<12.50> but was:<13.50>'), 'a whole unit off is not rounding');
    assert.ok(!rounding('version 1.2.3 is not 1.2.4'), 'version numbers are not decimals');
    assert.ok(!rounding('expected 2 but was 3'), 'whole numbers say nothing about rounding');
  });

  it('takes the quoted key of an error that says it was not found, as code would write it', () => {
    const values = (type: string, message: string) => quotedValues([{ type, message }]);
    assert.deepEqual(values('RoutingError', 'no route for topic "invoice.reminder"'), ['invoice.reminder']);
    assert.deepEqual(values('KeyError', "'ordered_at'"), ['ordered_at']);
    assert.deepEqual(values('Error', "Unknown option '--dry-run'"), ['--dry-run']);
    assert.deepEqual(values('Error', "can't find 'a.b' here"), ['a.b'], 'an apostrophe in a word opens no quote');
    assert.deepEqual(values('AssertionError', "null !== 'major'"), [], 'an assertion quotes what the code made, not a key it looked for');
    assert.deepEqual(values('AssertionError', "expected 'none' to be 'missing'"), [], 'even in words that say something is missing');
    assert.deepEqual(values('IllegalStateException', 'message "{\\"name\\":\\"ada\\"}" lacks "name":"ada"'), [], 'nothing said to be missing');
    assert.deepEqual(values('KeyError', "'42'"), [], 'a number is not a key written in code');
  });

  it('takes the quoted value of an error that says it could not be parsed, not the formats tried', () => {
    const values = (type: string, message: string) => rejectedValues([{ type, message }]);
    assert.deepEqual(values('ValueError', "time data '2021-06-01T08:30:00' does not match format '%d.%m.%Y %H:%M'"), ['2021-06-01T08:30:00']);
    assert.deepEqual(values('java.lang.NumberFormatException', 'For input string: "8080 "'), ['8080 ']);
    assert.deepEqual(values('CoercionError', "cannot parse 'yes please' as a boolean"), ['yes please']);
    assert.deepEqual(values('KeyError', "'ordered_at'"), [], 'not a parse');
    assert.deepEqual(values('AssertionError', "'2021' does not match '2022'"), [], 'an assertion');
  });

  it('keeps a distinctive exception type', () => {
    const words = extractErrorWords(incidentWith('InsufficientFundsError', 'balance too low'));
    assert.ok(words.some((w) => w.word === 'InsufficientFundsError' && w.origin === 'type'));
  });

  it('takes the identifiers of the crash line, without keywords', () => {
    assert.deepEqual(crashLineWords(['  const recipient = order.customer.email;']).map((w) => w.word), ['recipient', 'order', 'customer', 'email']);
    assert.deepEqual(crashLineWords(['    if x is None: return self.cache[key]']).map((w) => w.word), ['cache']);
  });

  it('names the missing value from the crash line, in each runtime\'s wording', () => {
    const words = (message: string, line: string) => missingValueWords([message], line).map((w) => w.word);
    assert.deepEqual(words("Cannot read properties of undefined (reading 'email')", '  const recipient = order.customer.email;'), ['customer']);
    assert.deepEqual(words("'NoneType' object has no attribute 'split'", '    parts = self.config.get("path").split("/")'), []);
    assert.deepEqual(words("'NoneType' object has no attribute 'split'", '    parts = settings.path.split("/")'), ['path']);
    assert.deepEqual(words('Cannot invoke "String.length()" because "<local1>" is null', '        return customerName.length();'), ['customerName']);
    assert.deepEqual(words('boom', 'x.y'), []);
    assert.deepEqual(missingValueWords(['Cannot invoke "org.json.JSONArray.getString(int)" because "this.baseArgs" is null'], undefined).map((w) => w.word), ['baseArgs'], 'Java names it, wherever it failed');
    assert.deepEqual(missingValueWords(['Cannot read field "x" because "<local4>" is null'], undefined), []);
  });

  it('splits identifiers into their parts', () => {
    assert.deepEqual(identifierParts('getUserEmail'), ['getuseremail', 'get', 'user', 'email']);
    assert.deepEqual(identifierParts('user_email'), ['user_email', 'user', 'email']);
  });
});

describe('risk shape', () => {
  it('counts removed guards in several languages and ignores moved lines', () => {
    const shape = readRiskShape([
      { path: 'a.js', added: ['  return user.email;'], removed: ['  if (!user) return null;', '  const x = a?.b;'] },
      { path: 'b.py', added: [], removed: ['    if value is None:'] },
      { path: 'c.java', added: ['    if (x == null) {'], removed: ['    if (x == null) {'] },
    ]);
    assert.equal(shape.guardsRemoved, 3);
    assert.equal(shape.guardsAdded, 0);
  });

  it('does not take a renamed or rewrapped guard for a removed one, but sees a changed condition', () => {
    const shape = readRiskShape([
      { path: 'a.py', added: ['    if spec["default"] is not None:'], removed: ['    if field["default"] is not None:'] },
      { path: 'b.js', added: ['  if (!customer.address) {', '    warnings.push(id);', '  }'], removed: ['  if (!customer.address) warnings.push(id);'] },
      { path: 'c.js', added: ['  if (user.email) {'], removed: ['  if (user != null && user.email) {'] },
    ]);
    assert.deepEqual(shape.removedGuards, ['if (user != null && user.email) {']);
    assert.equal(shape.guardsAdded, 0);
  });

  it('reads membership as a guard only in a condition, not "in" in a sentence or a loop', () => {
    const shape = readRiskShape([
      { path: 'a.py', added: [], removed: ['    if key in table:', '    for item in items:', "    msg = 'not found in cache'"] },
      { path: 'b.js', added: [], removed: ["  if ('name' in options) {", '  return obj.hasOwnProperty(key);'] },
    ]);
    assert.deepEqual(shape.removedGuards, ['if key in table:', "if ('name' in options) {", 'return obj.hasOwnProperty(key);']);
  });

  it('sees a comparison whose bound moved by one, and nothing else that looks like it', () => {
    const moved = (removed: string[], added: string[]) => readRiskShape([{ path: 'a', added, removed }]).boundsChanged.map(({ path: _, ...bound }) => bound);
    assert.deepEqual(moved(['    if quantity >= 100:', '        return 15'], ['    for threshold, percent in VOLUME_TIERS:', '        if quantity > threshold:']), [{ name: 'quantity', before: '>=', after: '>' }]);
    assert.deepEqual(moved(['    if (quantity >= WHOLESALE) {'], ['      if (quantity > tier.minQuantity()) {']), [{ name: 'quantity', before: '>=', after: '>' }]);
    assert.deepEqual(moved(['  for (let i = 0; i < parts.length; i++) {'], ['  for (let i = 0; i <= parts.length; i++) {']), [{ name: 'i', before: '<', after: '<=' }, { name: 'length', before: '>', after: '>=' }]);
    assert.deepEqual(moved(['  if (limit < count) {'], ['  if (count > limit) {']), [], 'the same bound written the other way round');
    assert.deepEqual(moved(['  List<Tier> tiers = load();'], ['  List<Tier> tiers = load(); if (a > b) {}']), [], 'generics are not comparisons');
    assert.deepEqual(moved(['  const f = (x) => x;'], ['  if (x >= 1) f(x);']), [], 'an arrow is not a comparison');
    assert.deepEqual(moved(['  if (a > 1 || a >= b) {'], ['  if (a > 2) {']), [], 'both bounds were there before');
  });

  it('sees error handling and configuration changes', () => {
    const shape = readRiskShape([
      { path: 'config/settings.yaml', added: ['timeout: 1'], removed: ['timeout: 30'] },
      { path: 'svc.py', added: [], removed: ['    except KeyError:'] },
    ]);
    assert.equal(shape.configChanged, true);
    assert.equal(shape.errorHandlingChanged, 1);
  });
});
