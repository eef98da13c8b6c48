// Call neighbourhood across files (JavaScript and Python), import resolution, hunk edge cases
// and the parse cache's duty to free the WASM trees it evicts.

import * as assert from 'node:assert/strict';
import { Tree } from 'web-tree-sitter';
import {
  callNeighbourhood,
  identifiersInLines,
  LruMap,
  parseSource,
  resolveImport,
  symbolsChangedByHunk,
  SyntaxCache,
  withSyntaxTree,
  type SourceFile,
} from '../../../src/core/ast';
import type { Hunk } from '../../../src/core/git';

async function jsFiles(): Promise<SourceFile[]> {
  const sources: Record<string, string> = {
    'src/routes/profile.js':
      "const { loadProfile } = require('../services/profile');\n\nfunction handleProfile(req, res) {\n  res.json(loadProfile(req.params.id));\n}\n\nfunction mount(app) {\n  app.get('/profile', handleProfile);\n  handleProfile({ params: {} }, null);\n}\n\nmodule.exports = { mount };\n",
    'src/services/profile.js':
      "const { findUser } = require('./users');\n\nfunction loadProfile(id) {\n  const user = findUser(id);\n  return formatEmail(user);\n}\n\nfunction formatEmail(user) {\n  return user.profile.email.toLowerCase();\n}\n\nmodule.exports = { loadProfile };\n",
    'src/services/users.js': "const db = require('../db');\n\nfunction findUser(id) {\n  return db.query(id);\n}\n\nmodule.exports = { findUser };\n",
    'src/db.js': 'function query(id) {\n  return null;\n}\nmodule.exports = { query };\n',
    'src/other/formatting.js': 'function formatEmail(x) {\n  return x;\n}\n',
  };
  return Promise.all(Object.entries(sources).map(async ([path, text]) => ({ path, syntax: await parseSource('javascript', text) })));
}

describe('code model: call neighbourhood', () => {
  it('follows calls out and in for two hops across files, preferring imported and local definitions', async () => {
    const files = await jsFiles();
    const around = callNeighbourhood(files, { path: 'src/services/profile.js', line: 9 });
    const seen = around.map((n) => `${n.direction}:${n.distance}:${n.path}#${n.symbol.qualifiedName}`);
    assert.deepEqual(seen.sort(), [
      'caller:1:src/services/profile.js#loadProfile',
      'caller:2:src/routes/profile.js#handleProfile',
    ]);
    const fromLoad = callNeighbourhood(files, { path: 'src/services/profile.js', line: 4 });
    const names = fromLoad.map((n) => `${n.direction}:${n.distance}:${n.path}#${n.symbol.name}`).sort();
    assert.deepEqual(names, [
      'callee:1:src/services/profile.js#formatEmail',
      'callee:1:src/services/users.js#findUser',
      'callee:2:src/db.js#query',
      'caller:1:src/routes/profile.js#handleProfile',
      'caller:2:src/routes/profile.js#mount',
    ]);
    assert.equal(fromLoad.find((n) => n.symbol.name === 'query')?.via, 'findUser');
    assert.deepEqual(callNeighbourhood(files, { path: 'src/services/profile.js', line: 4 }, 1).map((n) => n.distance), [1, 1, 1]);
    assert.deepEqual(callNeighbourhood(files, { path: 'missing.js', line: 1 }), []);
  });

  it('finds a Python caller in another module through its import', async () => {
    const files: SourceFile[] = [
      { path: 'app/api.py', syntax: await parseSource('python', 'from app.billing import charge\n\ndef checkout(cart):\n    return charge(cart.total)\n') },
      { path: 'app/billing.py', syntax: await parseSource('python', 'def charge(amount):\n    if amount < 0:\n        raise ValueError("negative")\n    return amount\n') },
    ];
    const around = callNeighbourhood(files, { path: 'app/billing.py', line: 3 });
    assert.deepEqual(around.map((n) => [n.path, n.symbol.name, n.direction, n.distance]), [['app/api.py', 'checkout', 'caller', 1]]);
  });

  it('follows a class instantiation into its constructor only, and only calls made up to a given line', async () => {
    const source = [
      'class Version {',
      '  constructor(raw) {',
      '    this.parts = split(raw);',
      '  }',
      '  format() {',
      '    return render(this.parts);',
      '  }',
      '}',
      'function split(raw) { return raw.split("."); }',
      'function render(parts) { return parts.join("."); }',
      'function audit(v) { return v; }',
      'function compare(a, b) {',
      '  const left = new Version(a);',
      '  const result = left.parts[0] - b;',
      '  audit(left);',
      '  return result;',
      '}',
      '',
    ].join('\n');
    const files: SourceFile[] = [{ path: 'src/version.js', syntax: await parseSource('javascript', source) }];
    const callees = (through?: number) => callNeighbourhood(files, { path: 'src/version.js', line: 12 }, 2, through).filter((n) => n.direction === 'callee').map((n) => `${n.distance}:${n.symbol.qualifiedName}`);
    assert.deepEqual(callees(), ['1:Version.constructor', '1:audit', '2:split']);
    assert.deepEqual(callees(14), ['1:Version.constructor', '2:split']);
  });

  it('tells bare calls from calls on a receiver, in JavaScript, Python and Java', async () => {
    const calls = async (language: 'javascript' | 'python' | 'java', text: string) => (await parseSource(language, text)).calls.map((c) => `${c.callee}${c.member ? '@member' : ''}`);
    assert.deepEqual(await calls('javascript', 'function f(u) { return fmt(u.email()) + new Date(); }\n'), ['fmt', 'email@member', 'Date']);
    assert.deepEqual(await calls('python', 'def f(u):\n    return fmt(u.email())\n'), ['fmt', 'email@member']);
    assert.deepEqual(await calls('java', 'class A { String f(U u) { return fmt(u.email()); } }\n'), ['fmt', 'email@member']);
  });

  it('resolves imports by each language convention', () => {
    const paths = ['src/a.ts', 'src/lib/index.ts', 'app/db/__init__.py', 'app/db/models.py', 'src/main/java/app/db/Db.java', 'pkg/db/db.go', 'lib/db.rb', 'src/Data/Db.php', 'src/db.rs', 'src/db/mod.rs', 'Data/Repo.cs'];
    assert.deepEqual(resolveImport('typescript', 'src/b.ts', './a.js', paths), ['src/a.ts']);
    assert.deepEqual(resolveImport('typescript', 'src/b.ts', './lib', paths), ['src/lib/index.ts']);
    assert.deepEqual(resolveImport('python', 'app/api.py', 'app.db.models', paths), ['app/db/models.py']);
    assert.deepEqual(resolveImport('python', 'app/db/x.py', '.models', paths), ['app/db/models.py']);
    assert.deepEqual(resolveImport('java', 'X.java', 'app.db.Db', paths), ['src/main/java/app/db/Db.java']);
    assert.deepEqual(resolveImport('go', 'main.go', 'example.com/svc/pkg/db', paths), ['pkg/db/db.go']);
    assert.deepEqual(resolveImport('ruby', 'app/x.rb', 'db', paths), ['lib/db.rb']);
    assert.deepEqual(resolveImport('php', 'src/x.php', 'App\\Data\\Db', paths), ['src/Data/Db.php']);
    assert.deepEqual(resolveImport('rust', 'src/main.rs', 'crate::db', paths), ['src/db.rs', 'src/db/mod.rs']);
    assert.deepEqual(resolveImport('csharp', 'X.cs', 'App.Data', paths), ['Data/Repo.cs']);
    assert.deepEqual(resolveImport('javascript', 'src/b.js', 'lodash', paths), []);
  });
});

describe('code model: hunks, identifiers and the parse cache', () => {
  const before = 'function a() {\n  one();\n  two();\n}\n\nfunction b() {\n  three();\n}\n';
  const after = 'function a() {\n  one();\n  inserted();\n  two();\n}\n\nfunction b() {\n  three();\n}\n';

  it('places a pure insertion inside the symbol it landed in, and nothing for top-level lines', async () => {
    const hunk: Hunk = { oldStart: 2, oldLines: 0, newStart: 3, newLines: 1, removed: [], added: [{ line: 3, text: '  inserted();' }] };
    const touched = symbolsChangedByHunk(await parseSource('javascript', before), await parseSource('javascript', after), hunk);
    assert.deepEqual([touched.before.map((s) => s.name), touched.after.map((s) => s.name)], [['a'], ['a']]);
    const added: Hunk = { oldStart: 10, oldLines: 0, newStart: 11, newLines: 1, removed: [], added: [{ line: 11, text: '' }] };
    assert.deepEqual(symbolsChangedByHunk(undefined, await parseSource('javascript', `${after}\n`), added), { before: [], after: [] });
  });

  it('tokenises fragments, string words, and text of unknown languages', async () => {
    const js = await identifiersInLines('javascript', ['    if (!user) throw new TypeError(`no email for ${id}`);', '  }) // unbalanced']);
    assert.ok(js.identifiers.includes('TypeError') && js.identifiers.includes('user') && js.identifiers.includes('id'));
    assert.ok(js.words.includes('email'));
    assert.ok(!js.identifiers.includes('throw') && !js.identifiers.includes('unbalanced'), 'keywords and comments are not identifiers');
    assert.deepEqual((await identifiersInLines(undefined, ['port: 8080', 'host = db'])).identifiers, ['port', 'host', 'db']);
    assert.ok((await identifiersInLines('php', ['$total = $cart->sum();'])).identifiers.includes('sum'));
  });

  it('deletes evicted trees and disposes the rest', async () => {
    const original = Tree.prototype.delete;
    let deleted = 0;
    Tree.prototype.delete = function (this: Tree) {
      deleted++;
      original.call(this);
    };
    try {
      const cache = new SyntaxCache({ maxTrees: 2 });
      for (let i = 0; i < 5; i++) await parseSource('python', `def f${i}():\n    pass\n`, { cacheKey: `blob${i}`, cache });
      assert.equal(cache.trees.size, 2);
      assert.equal(deleted, 3);
      const kinds = await withSyntaxTree('python', 'ignored', (tree) => tree.rootNode.type, { cacheKey: 'blob4', cache });
      assert.equal(kinds, 'module');
      await parseSource('python', 'x = 1\n');
      assert.equal(deleted, 4, 'an uncached parse frees its tree at once');
      cache.dispose();
      assert.equal(deleted, 6);
    } finally {
      Tree.prototype.delete = original;
    }
    const evicted: number[] = [];
    const lru = new LruMap<string, number>(2, (v) => evicted.push(v));
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    assert.deepEqual(evicted, [2]);
    // Bounded by weight: texts up to 10 characters in all.
    const texts = new LruMap<string, string>(10, undefined, (t) => t.length);
    texts.set('a', 'aaaa');
    texts.set('b', 'bbbb');
    texts.set('a', 'aaa');
    texts.set('c', 'cccc');
    assert.deepEqual([texts.get('a'), texts.get('b'), texts.get('c')], ['aaa', undefined, 'cccc'], 'b, least recently used, made room');
    texts.delete('a');
    texts.set('d', 'dddddd');
    assert.deepEqual([texts.get('c'), texts.get('d')], ['cccc', 'dddddd'], 'a deleted frees its weight');
  });

  it('skips oversized inputs instead of parsing them', async () => {
    const huge = await parseSource('javascript', 'x'.repeat(2_000_001));
    assert.match(huge.skipped ?? '', /larger than/);
    assert.deepEqual(huge.symbols, []);
  });
});
