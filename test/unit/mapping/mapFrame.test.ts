import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { StackFrame } from '../../../src/core/incident/model';
import type { Incident } from '../../../src/core/incident/model';
import { indexWorkspace, mapFrameToWorkspace, mapIncident, type Workspace } from '../../../src/core/mapping';

const frame = (file: string, extra: Partial<StackFrame> = {}): StackFrame => ({ file, line: 10, inApp: true, ...extra });

describe('mapFrameToWorkspace', () => {
  let base: string;
  let shop: string;
  let tools: string;
  let workspace: Workspace;

  before(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'causelens-ws-')));
    shop = path.join(base, 'shop');
    tools = path.join(base, 'tools');
    workspace = {
      roots: [
        {
          path: shop,
          trackedFiles: [
            'src/users.js',
            'src/orders/service.js',
            'services/api/src/index.ts',
            'services/api/src/users.js',
            'services/worker/src/users.js',
            'backend/src/main/java/com/example/shop/OrderService.java',
            'backend/src/main/kotlin/com/example/shop/UserRoutes.kt',
            'py/app/services/billing.py',
            'py/app/models/__init__.py',
            'README.md',
          ],
        },
        { path: tools, trackedFiles: ['scripts/deploy.js', 'src/orders/service.js'] },
      ],
      pathMappings: [{ from: '/srv/api/', to: 'services/api/' }],
    };
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('strips a deploy prefix when the rest is a tracked path', () => {
    const m = mapFrameToWorkspace(frame('/usr/src/app/src/users.js', { column: 4 }), workspace);
    assert.deepEqual([m.root, m.path, m.line, m.column, m.confidence], [shop, 'src/users.js', 10, 4, 0.95]);
    assert.match(m.reason, /after removing "\/usr\/src\/app\/"/);
  });

  it('maps paths that are already inside a root with full confidence', () => {
    const m = mapFrameToWorkspace(frame(`${tools}/scripts/deploy.js`), workspace);
    assert.deepEqual([m.root, m.path, m.confidence], [tools, 'scripts/deploy.js', 1]);
  });

  it('applies user path mappings before anything else', () => {
    const m = mapFrameToWorkspace(frame('/srv/api/src/users.js'), workspace);
    assert.deepEqual([m.path, m.confidence], ['services/api/src/users.js', 1]);
    assert.match(m.reason, /path mapping/);
  });

  it('finds a monorepo file by its longest suffix and says when the tail is ambiguous', () => {
    const deep = mapFrameToWorkspace(frame('/home/ci/build/worker/src/users.js'), workspace);
    assert.equal(deep.path, 'services/worker/src/users.js');
    const ambiguous = mapFrameToWorkspace(frame('/opt/build/lib/users.js'), workspace);
    assert.equal(ambiguous.path, 'src/users.js');
    assert.ok(ambiguous.confidence < 0.3, String(ambiguous.confidence));
    assert.match(ambiguous.reason, /3 tracked files end with "users\.js"/);
  });

  it('prefers the root that matches more of the path in a multi-root workspace', () => {
    const m = mapFrameToWorkspace(frame('C:\\agent\\_work\\src\\orders\\service.js'), workspace);
    assert.equal(m.path, 'src/orders/service.js');
    assert.equal(m.root, shop); // both roots match three segments: the first root wins the tie
    const tool = mapFrameToWorkspace(frame('/deploy/scripts/deploy.js'), workspace);
    assert.equal(tool.root, tools);
  });

  it('maps Java and Kotlin classes (inner classes too) through their package', () => {
    const inner = mapFrameToWorkspace({ file: 'OrderService.java', module: 'com.example.shop.OrderService$PriceParser', function: 'parse', line: 7, inApp: true }, workspace, { platform: 'java' });
    assert.equal(inner.path, 'backend/src/main/java/com/example/shop/OrderService.java');
    assert.ok(inner.confidence >= 0.85);
    const noSource = mapFrameToWorkspace({ file: '', module: 'com.example.shop.UserRoutesKt', function: 'get', line: 3, inApp: true }, workspace, { platform: 'java' });
    assert.equal(noSource.path, 'backend/src/main/kotlin/com/example/shop/UserRoutes.kt');
  });

  it('maps Python module names to modules and packages', () => {
    const mod = mapFrameToWorkspace({ file: '', module: 'app.services.billing', line: 3, inApp: true }, workspace, { platform: 'python' });
    assert.equal(mod.path, 'py/app/services/billing.py');
    const pkg = mapFrameToWorkspace({ file: '', module: 'app.models', line: 1, inApp: true }, workspace, { platform: 'python' });
    assert.equal(pkg.path, 'py/app/models/__init__.py');
  });

  it('leaves library and runtime frames unmapped', () => {
    const libraryNamesake = mapFrameToWorkspace({ ...frame('/usr/lib/python3.12/json/README.md'), inApp: false }, workspace);
    assert.equal(libraryNamesake.path, undefined);
    assert.match(libraryNamesake.reason, /only its file name matches/);
    for (const file of ['node:internal/timers', '/app/node_modules/express/lib/router.js', '<frozen runpy>', '']) {
      const m = mapFrameToWorkspace(frame(file), workspace);
      assert.equal(m.path, undefined, file);
      assert.equal(m.confidence, 0);
    }
  });

  it('accepts a prebuilt index so many frames share one', () => {
    const index = indexWorkspace(workspace);
    assert.equal(mapFrameToWorkspace(frame('app:///src/orders/service.js'), index).path, 'src/orders/service.js');
  });

  it('maps every frame of every exception with its position in the incident', () => {
    const incident: Incident = {
      id: 'x',
      source: 'sentry-event',
      title: 'TypeError: x',
      platform: 'javascript',
      warnings: [],
      exceptions: [
        { type: 'TypeError', message: 'x', frames: [frame('app:///src/users.js'), frame('node:internal/timers', { inApp: false })] },
        { type: 'Error', message: 'cause', frames: [frame('webpack://shop/./src/orders/service.js', { line: 0 })] },
      ],
    };
    const mapped = mapIncident(incident, workspace);
    assert.deepEqual(mapped.map((m) => [m.exceptionIndex, m.frameIndex, m.path ?? null]), [
      [0, 0, 'src/users.js'],
      [0, 1, null],
      [1, 0, 'src/orders/service.js'],
    ]);
    assert.equal(mapped[2].line, 0);
  });
});
