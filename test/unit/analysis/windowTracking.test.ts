// Line tracking over raw records parses on the main thread only the commits that can touch a
// followed file, and must give exactly what tracking every parsed diff gives: through renames,
// quoted (non-ASCII) names and commits that touch nothing followed.

import * as assert from 'node:assert/strict';
import { evaluateBatch, toCandidate, type RecordBatch } from '../../../src/core/analysis/batchEvaluation';
import type { HypothesisContext } from '../../../src/core/analysis/hypothesis';
import { IncidentLineTracker } from '../../../src/core/analysis/lineTracking';
import { literalPart, toTrackable, WindowLineTracking } from '../../../src/core/analysis/windowTracking';
import { readCommitDiffs } from '../../../src/core/git';
import { readRawCommits } from '../../../src/core/git/commitStream';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';

const body = (n: number, extra = '') => `${Array.from({ length: 12 }, (_, i) => `line ${i} of ${n};`).join('\n')}\n${extra}`;

function history(): BuiltRepo {
  const b = new TestRepoBuilder();
  b.commit({ message: 'start', files: { 'src/old name.js': body(0), 'src/café.js': body(0), 'src/other.js': body(0) } });
  b.commit({ message: 'edit followed', files: { 'src/old name.js': body(1, 'tail();\n') } });
  b.commit({ message: 'rename followed', renames: [['src/old name.js', 'src/new.js']] });
  b.commit({ message: 'unrelated', files: { 'src/other.js': body(2) } });
  b.commit({ message: 'edit unicode name', files: { 'src/café.js': body(3, 'user.email;\n') } });
  b.commit({ message: 'edit renamed', files: { 'src/new.js': `head();\n${body(1, 'tail();\n')}` } });
  b.commit({ message: 'mentions the name in an unrelated file', files: { 'src/other.js': `${body(2)}// see src/new.js\n` } });
  return b.build();
}

describe('line tracking over raw history records', () => {
  let repo: BuiltRepo;
  before(() => (repo = history()));
  after(() => repo.cleanup());

  it('finds the same changes as tracking every parsed diff, parsing only what can touch a followed file', async () => {
    const order = repo.git('rev-list', 'HEAD').trim().split('\n');
    const followed = ['src/new.js', 'src/café.js'];
    const diffs = await readCommitDiffs({ root: repo.dir }, { commits: order });
    const every = new IncidentLineTracker(followed);
    const expected = diffs.map((d) => every.track(toTrackable(d.files), d.formattingOnly));
    const records = await readRawCommits({ root: repo.dir }, { commits: order }, { knownCommits: true });
    const tracking = new WindowLineTracking(followed, new Set());
    assert.deepEqual(records.map((r) => tracking.track(r)), expected);
    assert.ok(expected.some((t) => t.some((c) => c.incidentPath === 'src/café.js')), 'the quoted name was followed');
    assert.ok(expected.filter((t) => t.some((c) => c.incidentPath === 'src/new.js')).length >= 3, 'followed through the rename');
    // 'unrelated' is never parsed here; the commit that only mentions a followed name is (harmlessly).
    assert.ok(tracking.parsedHere < records.length, `${tracking.parsedHere} of ${records.length} parsed on the main thread`);
  });

  it('lets the crash line pass through a hunk a formatter only rewrapped, in a commit that also changed code', async () => {
    const b = new TestRepoBuilder();
    const crash = "  return order.customer.email.toLowerCase();";
    const before = `function email(order) {\n${crash}\n}\nfunction total(o) {\n  return o.items.length;\n}\n`;
    const written = b.commit({ message: 'read the email', files: { 'src/a.js': before } });
    const wrapped = before.replace(crash, '  return order.customer.email\n    .toLowerCase();').replace('o.items.length', 'o.items.length + 1');
    b.commit({ message: 'style: prettier, and count one more item', files: { 'src/a.js': wrapped } });
    const built = b.build();
    try {
      const order = built.git('rev-list', 'HEAD').trim().split('\n');
      const records = await readRawCommits({ root: built.dir }, { commits: order }, { knownCommits: true });
      const tracking = new WindowLineTracking(['src/a.js'], new Set());
      const [styled, original] = records.map((r) => tracking.track(r));
      // The restyle claims only its real change (line 6 today), not the rewrapped crash line (2-3).
      assert.deepEqual(styled, [{ incidentPath: 'src/a.js', spans: [{ start: 6, end: 6, exact: true }], survivingAddedLines: [6] }]);
      assert.equal(records[1].info.sha, built.sha(written));
      assert.ok(original[0].survivingAddedLines.includes(2), JSON.stringify(original));
    } finally {
      built.cleanup();
    }
  });

  it('sees a formatter pass through hunks git split at a line it matched to a different one', async () => {
    // Re-indenting moves the inner `return problems;` to the outer one's indentation: git keeps
    // the outer one as unchanged, so neither hunk around it is layout on its own.
    const lint = 'function lint(commit) {\n    const problems = [];\n    const header = parse(commit.subject);\n    if (!header) {\n        problems.push("header");\n        return problems;\n    }\n    if (header.type === "x") {\n        problems.push("type");\n    }\n    return problems;\n}\n\nfunction parse(subject) {\n    return { type: subject.split(":")[0] };\n}\n';
    const reformat = (text: string) => text.replace(/ {4}/g, '  ').replace(/"/g, "'");
    const build = (formatted: string) => {
      const b = new TestRepoBuilder();
      b.commit({ message: 'lint headers', files: { 'src/lint.js': lint, 'src/util.js': 'function id(x) {\n    return x;\n}\n' } });
      b.commit({ message: 'style: prettier', files: { 'src/lint.js': formatted, 'src/util.js': 'function id(x) {\n  return x;\n}\n' } });
      return b.build();
    };
    for (const [formatted, claimed] of [[reformat(lint), false], [reformat(lint).replace("=== 'x'", "!== 'x'"), true]] as const) {
      const built = build(formatted);
      try {
        const order = built.git('rev-list', 'HEAD').trim().split('\n');
        const records = await readRawCommits({ root: built.dir }, { commits: order }, { knownCommits: true });
        const tracking = new WindowLineTracking(['src/lint.js'], new Set());
        const [styled, original] = records.map((r) => tracking.track(r));
        // A changed operator is a change, however the rest was reformatted.
        assert.equal(styled.length > 0, claimed, JSON.stringify(styled));
        const survivors = original[0].survivingAddedLines;
        if (claimed) {
          assert.ok(styled[0].spans.some((s) => s.start <= 8 && s.end >= 8) && !survivors.includes(8), JSON.stringify({ styled, original }));
        } else {
          // Both pushes are the first commit's, at today's lines 5 and 9.
          assert.ok(survivors.includes(5) && survivors.includes(9), JSON.stringify(original));
        }
      } finally {
        built.cleanup();
      }
    }
  });

  it('claims no lines for hunks that only changed comments or docstrings, and still moves the lines below them', async () => {
    const b = new TestRepoBuilder();
    const py = 'class Invoice:\n    def total(self):\n        return self.subtotal() - self.discount()\n';
    const js = 'function total(o) {\n  return o.items.length;\n}\n';
    b.commit({ message: 'start', files: { 'src/invoice.py': py, 'src/total.js': js } });
    const documentedPy = py
      .replace('class Invoice:\n', 'class Invoice:\n    """An invoice.\n\n    Amounts are derived on demand.\n    """\n\n')
      .replace('    def total(self):\n', '    def total(self):\n        """Amount due."""\n        # discounts before tax\n');
    const documentedJs = `/**\n * Counts the items.\n * @param o the order\n */\n${js.replace('  return', '  // every item counts\n  return')}`;
    b.commit({ message: 'docs: docstrings and comments', files: { 'src/invoice.py': documentedPy, 'src/total.js': documentedJs } });
    b.commit({ message: 'count one more', files: { 'src/invoice.py': documentedPy.replace('self.discount()', 'self.discount() + 1'), 'src/total.js': documentedJs.replace('o.items.length', 'o.items.length + 1') } });
    const built = b.build();
    try {
      const order = built.git('rev-list', 'HEAD').trim().split('\n');
      const records = await readRawCommits({ root: built.dir }, { commits: order }, { knownCommits: true });
      const tracking = new WindowLineTracking(['src/invoice.py', 'src/total.js'], new Set());
      const [code, docs, start] = records.map((r) => tracking.track(r));
      assert.deepEqual(code.map((c) => [c.incidentPath, c.spans]), [
        ['src/invoice.py', [{ start: 10, end: 10, exact: true }]],
        ['src/total.js', [{ start: 7, end: 7, exact: true }]],
      ]);
      assert.deepEqual(docs, [], 'comments and docstrings are no change of the code around them');
      // The first commit's lines land below the inserted comments.
      const py0 = start.find((c) => c.incidentPath === 'src/invoice.py')!;
      assert.deepEqual(py0.survivingAddedLines, [1, 7]);
    } finally {
      built.cleanup();
    }
  });

  it('looks for the part of a name git prints as is', () => {
    assert.equal(literalPart('src/café.js'), 'src/caf');
    assert.equal(literalPart('a "quoted" long-name.js'), ' long-name.js');
    assert.equal(literalPart('ééé'), undefined);
  });

  it('lets a worker evaluate raw records exactly as it evaluates parsed candidates', async () => {
    const order = repo.git('rev-list', 'HEAD').trim().split('\n');
    const context: HypothesisContext = {
      anchors: [{ frameIndex: 0, path: 'src/café.js', line: 13, weight: 1, isTest: false }],
      neighbours: [],
      errorWords: [{ word: 'email', originWeight: 1 }],
    };
    const records = await readRawCommits({ root: repo.dir }, { commits: order }, { knownCommits: true });
    const tracking = new WindowLineTracking(['src/café.js'], new Set());
    const tracked = records.map((r) => tracking.track(r));
    const batch: RecordBatch = { context, records: Buffer.concat(records.map((r) => r.bytes)), shas: order, sizes: records.map((r) => r.bytes.length), tracked, ignoreRevs: [] };
    const diffs = await readCommitDiffs({ root: repo.dir }, { commits: order });
    const expected = evaluateBatch({ context, items: diffs.map((d, i) => ({ commit: toCandidate(d), tracked: tracked[i] })) });
    assert.deepEqual(evaluateBatch(batch), expected);
    assert.ok(expected.some((r) => r.features.crashLineIntroduced > 0 && r.matchedWords.includes('email')));
    assert.throws(() => evaluateBatch({ ...batch, shas: [...order].reverse() }), /held/);
  });
});
