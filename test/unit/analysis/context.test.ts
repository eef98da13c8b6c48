// The incident context: frames of the reported failure and of the other failures reported with
// it, how far each frame's function had run, and the error words of all of them.

import * as assert from 'node:assert/strict';
import { buildHypothesisContext, type CodeModel, type LocatedFrame } from '../../../src/core/analysis/context';
import type { SymbolSpan } from '../../../src/core/analysis/hypothesis';
import type { NamedCandidate } from '../../../src/core/analysis/testNames';
import { readIncident } from '../../../src/core/incident';

/** A code model over fixed answers, recording what the context asked of it. */
function codeModel(symbols: NamedCandidate[] = [], titles: string[] = []): CodeModel & { asked: { path: string; executedThrough?: number }[]; fileStems: string[] } {
  const asked: { path: string; executedThrough?: number }[] = [];
  const fileStems: string[] = [];
  return {
    asked,
    fileStems,
    files: async () => ['tests/test_paths.py', 'lib/paths.py'],
    enclosingSymbol: async (path: string, line: number): Promise<SymbolSpan> => ({ name: `test_at_${line}`, startLine: line - 2, endLine: line + 5 }),
    executedThrough: async (_path: string, line: number) => line + 1,
    unresolvedNames: async () => ({ names: ['RelativePath'], bare: ['RelativePath'], files: ['lib/paths.py'] }),
    sourceLine: async (_path: string, line: number) => `    self.assertEqual(paths.relative_${line}(a), b)`,
    callNeighbours: async (path: string, at: { executedThrough?: number }) => {
      asked.push({ path, ...(at.executedThrough !== undefined ? { executedThrough: at.executedThrough } : {}) });
      return [];
    },
    testTitles: async () => titles,
    importedFiles: async (path: string) => (path.startsWith('tests/') ? ['lib/paths.py', 'lib/sep.py'] : []),
    constantsRead: async () => [],
    knownSymbols: async (stems: readonly string[]) => {
      fileStems.push(...stems);
      return symbols;
    },
  };
}

const symbol = (path: string, name: string, startLine: number): NamedCandidate => ({ path, name, qualifiedName: name, startLine, endLine: startLine + 9 });

/** The crash site's function, `source` from its line 1, calling `callees` directly. */
function crashFunction(name: string, source: string[], callees: { path: string; name: string; startLine: number; endLine: number }[]): CodeModel {
  return {
    ...codeModel(),
    enclosingSymbol: async () => ({ name, startLine: 1, endLine: source.length + 1 }),
    sourceLine: async (_path: string, line: number) => source[line - 1],
    callNeighbours: async () => callees.map((c) => ({ ...c, distance: 1 as const })),
  };
}

/** The context of a trace (its lines) whose crash frame is at `path`:`line` of the repository. */
function contextAtCrash(trace: string[], path: string, line: number, code: CodeModel) {
  return buildHypothesisContext(readIncident(trace.join('\n')), [{ exceptionIndex: 0, frameIndex: 0, path, line }], code);
}

describe('incident context', () => {
  it("leaves out a test's own local names from the failing line's words, but not in product code", async () => {
    const source = ['def test_resolve(self):', '    build_file, toolset = gyp.common.ResolveTarget("deps/zlib.gyp")', '    self.assertEqual(normalize_target(build_file, toolset), "a")'];
    const trace = ['Traceback (most recent call last):', '  File "/repo/tests/test_common.py", line 3, in test_resolve', "AssertionError: Tuples differ"];
    const inTest = await contextAtCrash(trace, 'tests/test_common.py', 3, crashFunction('test_resolve', source, []));
    const words = inTest.errorWords.map((w) => w.word);
    assert.ok(!words.includes('build_file') && !words.includes('toolset'), words.join(', '));
    assert.ok(words.includes('normalize_target'), 'the product code it calls stays a word of the failure');
    const inProduct = await contextAtCrash(trace, 'gyp/common.py', 3, crashFunction('resolve', source, []));
    assert.ok(inProduct.errorWords.some((w) => w.word === 'build_file'), 'product code keeps its locals: they name the values involved');
  });

  it('interleaves the frames of other failures after the reported one, and reads their words', async () => {
    const text = [
      'FAIL: test_join (tests.test_paths.T)',
      'Traceback (most recent call last):',
      '  File "/repo/tests/test_paths.py", line 30, in test_join',
      "AssertionError: 'relative_join' != 'c/d.h'",
      '',
      'FAIL: test_split (tests.test_paths.T)',
      'Traceback (most recent call last):',
      '  File "/repo/tests/test_paths.py", line 22, in test_split',
      '  File "/repo/lib/paths.py", line 9, in split_path',
      "AssertionError: 'split_here'",
    ].join('\n');
    const incident = readIncident(text);
    const frames: LocatedFrame[] = [
      { exceptionIndex: 0, frameIndex: 0, path: 'lib/paths.py', line: 9 },
      { exceptionIndex: 0, frameIndex: 1, path: 'tests/test_paths.py', line: 22 },
      { exceptionIndex: 0, frameIndex: 0, path: 'tests/test_paths.py', line: 30, failure: 1 },
    ];
    const code = codeModel();
    const context = await buildHypothesisContext(incident, frames, code);
    assert.deepEqual(context.anchors.map((a) => `${a.path}:${a.line}`), ['lib/paths.py:9', 'tests/test_paths.py:30', 'tests/test_paths.py:22']);
    assert.deepEqual(context.anchors.map((a) => a.executedThrough), [10, 31, 23]);
    assert.deepEqual(code.asked.map((a) => a.executedThrough), [10, 31, 23]);
    const words = context.errorWords.map((w) => w.word);
    assert.ok(words.indexOf('split_here') >= 0 && words.indexOf('relative_join') > words.indexOf('split_here'), 'the reported failure\'s words come first');
    assert.deepEqual(context.unresolved, { names: ['RelativePath'], bare: ['RelativePath'], files: ['lib/paths.py'] });
    // What the frames' files import, less the frames' own files.
    assert.deepEqual(context.imports, ['lib/sep.py']);
  });

  it('leads a failing test to the product code its name names, never to other tests', async () => {
    const incident = readIncident(['Traceback (most recent call last):', '  File "/repo/tests/test_paths.py", line 30, in test_relative_join', "AssertionError: 'a/b' != 'c/d.h'"].join('\n'));
    const frames: LocatedFrame[] = [{ exceptionIndex: 0, frameIndex: 0, path: 'tests/test_paths.py', line: 30, function: 'test_relative_join' }];
    const code = codeModel([symbol('lib/paths.py', 'RelativeJoin', 5), symbol('lib/paths.py', 'split_path', 20), symbol('tests/helpers.py', 'join_fixture', 1), symbol('lib/urls.py', 'join_url', 3)]);
    const context = await buildHypothesisContext(incident, frames, code);
    // test_relative_join, its enclosing symbol test_at_30, and the file test_paths: 'test'/'at' say nothing.
    assert.deepEqual([...code.fileStems].sort(), ['join', 'path', 'relative']);
    const named = context.neighbours.filter((n) => n.namedBy);
    assert.deepEqual(named.map((n) => n.name), ['RelativeJoin', 'split_path', 'join_url'], 'most shared words first; test code is not a suspect');
    assert.ok(named.every((n) => n.namedBy === 'test_at_30' && n.distance === 2 && n.weight === 0.5));
    // What the test checks is a word of the failure; its file's name ('paths') is not.
    const fromName = context.errorWords.filter((w) => w.originWeight === 0.6 && !w.fromCrashLine).map((w) => w.word);
    assert.deepEqual(fromName.sort(), ['join', 'relative']);
  });

  it('leads the crash site to the tables of data it reads on the way to its line, not to one-line settings', async () => {
    const incident = readIncident(['Traceback (most recent call last):', '  File "/repo/lib/route.py", line 9, in resolve', "KeyError: 'invoice.reminder'"].join('\n'));
    const asked: string[][] = [];
    const code: CodeModel = {
      ...codeModel(),
      enclosingSymbol: async () => ({ name: 'resolve', startLine: 7, endLine: 10 }),
      sourceLine: async (_path: string, line: number) => ['def resolve(topic):', '    limit = MAX_HOPS', '    return ROUTES[topic]'][line - 7],
      constantsRead: async (_path: string, names: readonly string[]) => {
        asked.push([...names]);
        return [{ path: 'lib/routes.py', name: 'ROUTES', startLine: 3, endLine: 9 }, { path: 'lib/route.py', name: 'MAX_HOPS', startLine: 2, endLine: 2 }];
      },
    };
    const context = await buildHypothesisContext(incident, [{ exceptionIndex: 0, frameIndex: 0, path: 'lib/route.py', line: 9 }], code);
    assert.deepEqual(asked, [['MAX_HOPS', 'ROUTES']]);
    assert.deepEqual(context.neighbours.map((n) => [n.path, n.name, n.distance, n.weight, n.via, n.reads]), [['lib/routes.py', 'ROUTES', 1, 0.8, 'resolve', true]]);
  });

  it('marks the function the crash site got its missing value from', async () => {
    const code = crashFunction('toEntry', ['export function toEntry(commit) {', '  const header = parseHeader(commit.subject)!;', '  return { type: sectionFor(header.type) };'], [
      { path: 'src/header.ts', name: 'parseHeader', startLine: 6, endLine: 12 },
      { path: 'src/entry.ts', name: 'sectionFor', startLine: 8, endLine: 10 },
    ]);
    const context = await contextAtCrash(['TypeError: Cannot read properties of undefined (reading \'type\')', '    at toEntry (/repo/src/entry.ts:3:29)'], 'src/entry.ts', 3, code);
    assert.deepEqual(context.neighbours.map((n) => [n.name, n.returnsMissing]), [['parseHeader', 'header'], ['sectionFor', undefined]]);
    assert.deepEqual(context.neighbours.map((n) => n.returnsNothing), [true, undefined], 'undefined: the value was nothing');
  });

  it('knows when the error says a name is missing, in each runtime\'s wording', async () => {
    const kind = async (message: string) => {
      return (await contextAtCrash([message, '    at main (/repo/src/main.js:1:10)'], 'src/main.js', 1, codeModel())).missingName;
    };
    assert.equal(await kind("SyntaxError: The requested module './money.js' does not provide an export named 'roundMinor'"), 'member');
    assert.equal(await kind('TypeError: utils.combine is not a function'), 'member');
    assert.equal(await kind('ReferenceError: compactQueue is not defined'), 'binding');
    assert.equal(await kind("TypeError: Cannot read properties of undefined (reading 'email')"), undefined);
    assert.equal(await kind("AttributeError: 'Page' object has no attribute 'slug'"), 'member');
    assert.equal(await kind("AttributeError: 'NoneType' object has no attribute 'setdefault'"), undefined, 'the value was missing, not the name');
  });

  it('marks the method Java says returned the null', async () => {
    const code = crashFunction('Mailer.send', ['  void send(Order order) {', '    Customer c = order.customer();', '    String to = repo.find(order.customerId()).email();'], [
      { path: 'src/main/java/com/acme/CustomerRepo.java', name: 'CustomerRepo.find', startLine: 10, endLine: 14 },
      { path: 'src/main/java/com/acme/Order.java', name: 'Order.customer', startLine: 5, endLine: 7 },
    ]);
    const trace = ['Exception in thread "main" java.lang.NullPointerException: Cannot invoke "com.acme.Customer.email()" because the return value of "com.acme.CustomerRepo.find(String)" is null', '\tat com.acme.Mailer.send(Mailer.java:3)'];
    const context = await contextAtCrash(trace, 'src/main/java/com/acme/Mailer.java', 3, code);
    assert.deepEqual(context.neighbours.map((n) => [n.name, n.returnsMissing, n.returnsNothing]), [['CustomerRepo.find', 'find', true], ['Order.customer', undefined, undefined]]);
  });

  it('marks where the missing value came from when it is one part of what a call returned', async () => {
    const code = crashFunction('Page.from_file', ['    def from_file(cls, path):', '        meta, body = split_front_matter(read(path))', '        meta.setdefault("title", path)'], [
      { path: 'pagemill/frontmatter.py', name: 'split_front_matter', startLine: 20, endLine: 40 },
      { path: 'pagemill/io.py', name: 'read', startLine: 3, endLine: 6 },
    ]);
    const marks = async (message: string) => {
      const context = await contextAtCrash(['Traceback (most recent call last):', '  File "/repo/pagemill/page.py", line 3, in from_file', `AttributeError: ${message}`], 'pagemill/page.py', 3, code);
      return context.neighbours.map((n) => [n.name, n.returnsMissing, n.returnsNothing]);
    };
    assert.deepEqual(await marks("'NoneType' object has no attribute 'setdefault'"), [['split_front_matter', 'meta', true], ['read', undefined, undefined]]);
    assert.deepEqual(await marks("'list' object has no attribute 'setdefault'"), [['split_front_matter', 'meta', undefined], ['read', undefined, undefined]], 'a value, just not one with that member');
  });

  it('names nothing when a product frame is on the stack: that frame says where the code failed', async () => {
    const incident = readIncident(['Traceback (most recent call last):', '  File "/repo/tests/test_paths.py", line 30, in test_split', '  File "/repo/lib/paths.py", line 9, in split_path', 'KeyError: 1'].join('\n'));
    const code = codeModel([symbol('lib/paths.py', 'split_path', 1)]);
    const frames: LocatedFrame[] = [
      { exceptionIndex: 0, frameIndex: 0, path: 'lib/paths.py', line: 9 },
      { exceptionIndex: 0, frameIndex: 1, path: 'tests/test_paths.py', line: 30 },
    ];
    const context = await buildHypothesisContext(incident, frames, code);
    assert.deepEqual(context.neighbours, []);
    assert.deepEqual(code.fileStems, []);
  });
});
