import * as assert from 'node:assert/strict';
import { normalizeFramePath } from '../../../src/core/mapping';

describe('normalizeFramePath', () => {
  const rel = (file: string) => normalizeFramePath(file).relative;

  it('strips deploy prefixes and URL schemes to a repository-relative guess', () => {
    assert.equal(rel('/app/src/users.js'), 'src/users.js');
    assert.equal(rel('/usr/src/app/lib/a.py'), 'lib/a.py');
    assert.equal(rel('app:///src/users.js'), 'src/users.js');
    assert.equal(rel('webpack:///./src/cart.ts'), 'src/cart.ts');
    assert.equal(rel('webpack://shop-ui/./src/cart.ts'), 'src/cart.ts');
    assert.equal(rel('https://cdn.example.com/static/js/main.js?v=3#x'), 'static/js/main.js');
    assert.equal(rel('~/src/a.js'), 'src/a.js');
    assert.equal(rel('src/a.js'), 'src/a.js');
    assert.equal(rel('/home/dev/work/src/a.js'), undefined); // unknown absolute prefix: suffix matching decides
  });

  it('reads file:// URLs, Windows drives and UNC paths as posix', () => {
    assert.equal(normalizeFramePath('file:///srv/a%20b/x.mjs').posix, '/srv/a b/x.mjs');
    assert.equal(normalizeFramePath('file:///C:/shop/src/x.js').posix, '/shop/src/x.js');
    assert.deepEqual(normalizeFramePath('C:\\shop\\src\\prices.js').segments, ['shop', 'src', 'prices.js']);
    assert.deepEqual(normalizeFramePath('\\\\fileserver\\share\\app\\a.cs').segments, ['app', 'a.cs']);
  });

  it('drops `.` and `..` segments and remembers that the path tried to climb', () => {
    const climbing = normalizeFramePath('/app/../../etc/passwd');
    assert.deepEqual([climbing.segments, climbing.climbs], [['app', 'etc', 'passwd'], true]);
    assert.equal(normalizeFramePath('./src/./a.js').posix, 'src/a.js');
  });
});
