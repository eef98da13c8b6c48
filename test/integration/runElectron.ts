// `npm run test:electron`: the same integration suite in desktop VS Code via @vscode/test-electron,
// for contributors with internet access (it downloads VS Code). Offline, use `npm run test:integration`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  const root = resolve(__dirname, '..', '..', '..');
  const scratch = mkdtempSync(join(tmpdir(), 'causelens-electron-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: join(__dirname, 'index.js'),
      // A fresh profile each run, as the suite expects (e.g. CauseLens not yet activated).
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(scratch, 'user-data')}`],
    });
    return 0;
  } catch (error) {
    console.error(`integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
