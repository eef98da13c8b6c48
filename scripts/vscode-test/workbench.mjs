// Drives Debian's Chromium (never a downloaded browser) with playwright-core: opens the
// code-server workbench with the extension-test payload and relays the test output and exit code.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { isolatedHomeEnv } from './code-server.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium writes under HOME and XDG dirs: keep them in the run's temp folder. */
export function isolatedEnvForBrowser(tempDir) {
  return { ...process.env, ...isolatedHomeEnv(tempDir) };
}

/** The workbench URL that makes VS Code load the extension under development and run its tests. */
export function extensionTestUrl(server, { workspaceDir, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (path) => `vscode-remote://${server.host}:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
  ];
  return `${server.baseUrl}/?folder=${encodeURIComponent(workspaceDir)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Turns the console-style arguments VS Code forwards (`'%s%s', a, b`) into plain text, like console.log. */
export function formatAutomationLog(args) {
  return format(...(Array.isArray(args) ? args : [args]));
}

/**
 * Launches Chromium, exposes codeAutomationLog/codeAutomationExit, and opens `url`.
 * Resolves to { page, exitCode: Promise<number>, close() }.
 */
export async function openWorkbench({ url, tempDir, env, onLog }) {
  const profileDir = join(tempDir, 'chromium-profile');
  mkdirSync(profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    env,
    viewport: { width: 1440, height: 900 },
  });
  let reportExit;
  const exitCode = new Promise((resolve) => {
    reportExit = resolve;
  });
  await context.exposeFunction('codeAutomationLog', (type, args) => onLog(String(type), formatAutomationLog(args)));
  await context.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('crash', () => onLog('error', '[harness] the workbench page crashed'));
  page.on('pageerror', (error) => onLog('error', `[harness] workbench page error: ${error.message}`));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return { page, exitCode, close: () => context.close() };
}
