// The code model keeps what it read and parsed (file lists by commit, contents and syntax by blob
// id) for later investigations (the extension's): answers must not change, and one model's files
// must not leak into another's questions.

import * as assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { createCodeModel, forgetKeptFiles, keptFileCounts } from '../../../src/core/engine';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';

const api = `function load(order) {
  return fetchCustomer(order.customer).email;
}
module.exports = { load };
`;
const report = `function summary(rows) {
  return formatRows(rows).join(',');
}
module.exports = { summary };
`;

describe('code model kept per commit', function () {
  this.timeout(60000);
  let repo: BuiltRepo;
  let sha: string;
  let next: string;
  before(() => {
    const b = new TestRepoBuilder();
    const c = b.commit({ message: 'start', files: { 'src/api.js': api, 'src/report.js': report } });
    const d = b.commit({ message: 'join with semicolons', files: { 'src/report.js': report.replace("join(',')", "join(';')"), 'dist/bundle.js': `var a = 1;\n${'x'.repeat(2_100_000)}\n` } });
    repo = b.build();
    sha = repo.sha(c);
    next = repo.sha(d);
  });
  beforeEach(() => forgetKeptFiles());
  after(() => repo.cleanup());

  it('answers a later model at the same commit from what an earlier one read, and keeps each model to its own files', async () => {
    const first = createCodeModel({ root: repo.dir }, sha);
    assert.equal((await first.enclosingSymbol('src/api.js', 2))?.name, 'load');
    assert.deepEqual((await first.unresolvedNames()).files, ['src/api.js']);
    assert.deepEqual(await first.files(), ['src/api.js', 'src/report.js']);

    // With git's objects gone, only what was kept can answer.
    renameSync(join(repo.dir, '.git'), join(repo.dir, '.git-away'));
    try {
      const second = createCodeModel({ root: repo.dir }, sha);
      assert.equal((await second.enclosingSymbol('src/api.js', 2))?.name, 'load');
      assert.deepEqual(await second.files(), ['src/api.js', 'src/report.js']);
      assert.equal(await second.enclosingSymbol('src/report.js', 2), undefined, 'never read, so not there without git');
      const unresolved = await second.unresolvedNames();
      assert.deepEqual(unresolved.files, ['src/api.js'], 'the file the second model asked about, not every file kept');
      assert.ok(unresolved.names.includes('fetchCustomer'));
      // A name such as HEAD can move: nothing is kept for it.
      const byName = createCodeModel({ root: repo.dir }, 'HEAD');
      assert.equal(await byName.enclosingSymbol('src/api.js', 2), undefined);
    } finally {
      renameSync(join(repo.dir, '.git-away'), join(repo.dir, '.git'));
    }
    // A read that failed is not kept: with git back, the file is read.
    const third = createCodeModel({ root: repo.dir }, sha);
    assert.equal((await third.enclosingSymbol('src/report.js', 2))?.name, 'summary');
  });

  it('offers a product module named by a test word as a whole, beside its functions', async () => {
    const named = await createCodeModel({ root: repo.dir }, sha).knownSymbols(['report']);
    assert.deepEqual(named.map((n) => [n.path, n.name, n.startLine, n.endLine]), [['src/report.js', 'report', 1, 5], ['src/report.js', 'summary', 1, 3]]);
  });

  it('names the repository files a file imports, as its language resolves them', async () => {
    const b = new TestRepoBuilder();
    const c = b.commit({ message: 'start', files: {
      'src/server.js': "const { load } = require('./api');\nconst fs = require('fs');\nconst { summary } = require('./report.js');\n",
      'src/api.js': api, 'src/report.js': report,
      'pkg/orders/checkout.py': 'import pkg.orders.cart\nfrom pkg.util import money, rounding\nfrom . import tax as t\nimport json\n',
      'package.json': JSON.stringify({ name: 'shop', main: './src/server.js' }),
      'test/server.test.js': "const shop = require('..');\nconst api = require('../src/api');\n",
      'pkg/orders/cart.py': '', 'pkg/orders/tax.py': '', 'pkg/util/money.py': '', 'pkg/util/__init__.py': 'def rounding(x):\n    return x\n',
    } });
    const imports = b.build();
    try {
      const model = createCodeModel({ root: imports.dir }, imports.sha(c));
      assert.deepEqual((await model.importedFiles('src/server.js')).sort(), ['src/api.js', 'src/report.js']);
      assert.deepEqual((await model.importedFiles('pkg/orders/checkout.py')).sort(), ['pkg/orders/cart.py', 'pkg/orders/tax.py', 'pkg/util/__init__.py', 'pkg/util/money.py'], 'a name imported from a package may be one of its modules');
      assert.deepEqual((await model.importedFiles('test/server.test.js')).sort(), ['src/api.js', 'src/server.js'], "a package's tests require it through package.json's main");
      assert.deepEqual(await model.importedFiles('README.md'), []);
    } finally {
      imports.cleanup();
    }
  });

  it('finds where the constants a frame reads are declared, with their whole statement', async () => {
    const b = new TestRepoBuilder();
    const c = b.commit({ message: 'start', files: {
      'src/routes.js': "'use strict';\n\nexport const ROUTES = {\n  'invoice.paid': 'billing',\n  'invoice.reminder': 'mail',\n};\nexport const LIMIT = 3;\n",
      'src/router.js': "import { ROUTES } from './routes.js';\nexport function resolve(topic) {\n  return ROUTES[topic].toUpperCase();\n}\n",
      'app/units.py': 'import math\n\nVOLUME_TIERS: tuple = (\n    (250, 20),\n    (100, 15),\n)\n',
      'app/pricing.py': 'from app.units import VOLUME_TIERS\n\ndef tier(q):\n    return [p for t, p in VOLUME_TIERS if q > t][0]\n',
      'src/main/java/a/ref/UnitTable.java': 'package a.ref;\n\nimport java.util.Map;\n\npublic final class UnitTable {\n  public static final Map<String, Double> WEIGHT_FACTORS =\n      Map.ofEntries(\n          Map.entry("kg", 1.0),\n          Map.entry("lbs", 0.45));\n}\n',
      'src/main/java/a/units/Weights.java': 'package a.units;\n\nimport a.ref.UnitTable;\n\npublic final class Weights {\n  public static double kg(double v, String unit) {\n    return v * UnitTable.WEIGHT_FACTORS.get(unit);\n  }\n}\n',
    } });
    const built = b.build();
    try {
      const model = createCodeModel({ root: built.dir }, built.sha(c));
      const spans = async (path: string, names: string[]) => (await model.constantsRead(path, names)).map((d) => [d.path, d.name, d.startLine, d.endLine]);
      assert.deepEqual(await spans('src/router.js', ['ROUTES', 'NOT_THERE']), [['src/routes.js', 'ROUTES', 3, 6]]);
      assert.deepEqual(await spans('app/pricing.py', ['VOLUME_TIERS']), [['app/units.py', 'VOLUME_TIERS', 3, 6]]);
      assert.deepEqual(await spans('src/main/java/a/units/Weights.java', ['WEIGHT_FACTORS']), [['src/main/java/a/ref/UnitTable.java', 'WEIGHT_FACTORS', 6, 9]]);
    } finally {
      built.cleanup();
    }
  });

  it('reads and parses a file unchanged between two commits once, and a changed one again', async () => {
    const first = createCodeModel({ root: repo.dir }, sha);
    await first.enclosingSymbol('src/api.js', 2);
    await first.enclosingSymbol('src/report.js', 2);
    assert.deepEqual(keptFileCounts(), { commits: 1, texts: 2, syntax: 2 });
    const later = createCodeModel({ root: repo.dir }, next);
    assert.equal((await later.enclosingSymbol('src/api.js', 2))?.name, 'load');
    assert.deepEqual(keptFileCounts(), { commits: 2, texts: 2, syntax: 2 }, 'api.js is the same blob at both commits');
    assert.equal((await later.enclosingSymbol('src/report.js', 2))?.name, 'summary');
    assert.deepEqual(keptFileCounts(), { commits: 2, texts: 3, syntax: 3 }, 'report.js changed: its new blob is read and parsed');
    // A huge file is read when asked for, but not kept: it would push every other file out.
    assert.equal(await later.sourceLine('dist/bundle.js', 1), 'var a = 1;');
    assert.deepEqual(keptFileCounts(), { commits: 2, texts: 3, syntax: 3 });
  });
});
