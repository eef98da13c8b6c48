import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CauseLensError } from '../../../src/core/errors';
import type { StackFrame } from '../../../src/core/incident/model';
import { mapFrameToWorkspace, requireInsideRoot, resolveInsideRoot, type Workspace } from '../../../src/core/mapping';
import { TempRepo } from './tempRepo';

const frame = (file: string): StackFrame => ({ file, line: 1, column: 1, inApp: true });

describe('mapping never leads outside the workspace', () => {
  let repo: TempRepo;
  let outside: string;
  let workspace: Workspace;

  before(() => {
    outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'causelens-outside-')));
    writeFileSync(path.join(outside, 'secret.js'), 'module.exports = "secret";\n');
    writeFileSync(path.join(outside, 'secret.js.map'), JSON.stringify({ version: 3, sources: ['secret.ts'], names: [], mappings: 'AAAA' }));
    repo = new TempRepo();
    repo.write({ 'src/app.js': 'x\n', 'fixtures/passwd': 'root:x:0:0\n' });
    symlinkSync(path.join(outside, 'secret.js'), path.join(repo.dir, 'src/linked.js'));
    symlinkSync(outside, path.join(repo.dir, 'vendor-link'));
    repo.commit('files and escaping symlinks');
    // A built file whose map comment climbs out of the workspace.
    mkdirSync(path.join(repo.dir, 'dist'));
    writeFileSync(path.join(repo.dir, 'dist/app.js'), `x\n//# sourceMappingURL=../../${path.basename(outside)}/secret.js.map\n`);
    workspace = { roots: [{ path: repo.dir, trackedFiles: repo.git('ls-files', '-z').split('\0').filter(Boolean) }], pathMappings: [{ from: '/srv/', to: '../../' }] };
  });
  after(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it('resolves nothing that climbs with .., is absolute, or goes through a symlink out of the root', () => {
    assert.equal(resolveInsideRoot(repo.dir, '../../etc/passwd'), undefined);
    assert.equal(resolveInsideRoot(repo.dir, 'src/../../etc/passwd'), undefined);
    assert.equal(resolveInsideRoot(repo.dir, '/etc/passwd'), undefined);
    assert.equal(resolveInsideRoot(repo.dir, 'C:\\Windows\\win.ini'), undefined);
    assert.equal(resolveInsideRoot(repo.dir, 'src/linked.js'), undefined);
    assert.equal(resolveInsideRoot(repo.dir, 'vendor-link/secret.js'), undefined);
    assert.equal(resolveInsideRoot(repo.dir, 'vendor-link/not-yet-there.js'), undefined);
    assert.equal(resolveInsideRoot(repo.dir, 'src/app.js'), path.join(repo.dir, 'src/app.js'));
    assert.throws(() => requireInsideRoot(repo.dir, '../x'), (e: unknown) => e instanceof CauseLensError && e.reason === 'outside-workspace');
  });

  it('maps ../../etc/passwd to nothing outside (only to a tracked file of that name, if any)', () => {
    for (const file of ['../../etc/passwd', '/app/../../../../etc/passwd', 'file:///etc/passwd']) {
      const m = mapFrameToWorkspace(frame(file), workspace);
      assert.ok(m.path === undefined || m.path === 'fixtures/passwd', `${file} → ${m.path}`);
      if (m.path) assert.ok(resolveInsideRoot(repo.dir, m.path));
    }
    assert.equal(mapFrameToWorkspace(frame('/etc/hostname'), workspace).path, undefined);
  });

  it('refuses a tracked symlink that points outside the root', () => {
    const m = mapFrameToWorkspace(frame('/app/src/linked.js'), workspace);
    assert.equal(m.path, undefined);
    assert.match(m.reason, /outside the workspace/);
  });

  it('ignores path mappings and source-map URLs that climb out', () => {
    const viaMapping = mapFrameToWorkspace(frame('/srv/etc/passwd'), workspace);
    assert.ok(!/path mapping/.test(viaMapping.reason), viaMapping.reason);
    const built = mapFrameToWorkspace(frame('/app/dist/app.js'), workspace);
    assert.ok(!/source map dist/.test(built.reason), built.reason);
    assert.match(built.reason, /not a file inside the workspace/);
    assert.ok(built.path === undefined || resolveInsideRoot(repo.dir, built.path));
  });
});
