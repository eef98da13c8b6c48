// The histories the integration tests investigate: the sample workspace's (its users.js lost a
// guard in "simplify user formatting") and a temp shop repository whose cart.js lost one too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { commitHistory, newTempDir } from './gitHistory';

export const WORKSPACE_CULPRIT_SUBJECT = 'simplify user formatting';

/** Gives the opened sample workspace a history ending in its current files (once per run). */
export function ensureWorkspaceHistory(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests run with the sample workspace open');
  const dir = folder.uri.fsPath;
  if (existsSync(join(dir, '.git'))) return dir;
  const users = readFileSync(join(dir, 'src', 'users.js'), 'utf8');
  const store = readFileSync(join(dir, 'src', 'store.js'), 'utf8');
  const guarded = users.replace('function formatUser(user) {\n', 'function formatUser(user) {\n  if (!user.profile) return user.name;\n');
  if (guarded === users) throw new Error('workspace/src/users.js no longer has the formatUser the history is built around');
  commitHistory(dir, [
    { message: 'users listing', author: 'Ada', files: { 'src/users.js': guarded, 'src/store.js': store.replace("active: true },\n];", 'active: true },\n  ];') } },
    { message: 'store: keep inactive users', author: 'Grace', files: { 'src/store.js': store.replace('filter.active', 'Boolean(filter.active)') } },
    { message: 'store: tidy the sample data', author: 'Grace', files: { 'src/store.js': store } },
    { message: WORKSPACE_CULPRIT_SUBJECT, author: 'Bob', files: { 'src/users.js': users } },
    { message: 'docs: how to run the service', author: 'Ada', files: { 'README.md': '# users service\n\nnode src/users.js\n' } },
  ]);
  return dir;
}

const CART_GUARDED = `// Shopping cart totals.
'use strict';

function lineTotal(item) {
  if (!item.price) return 0;
  return item.price.amount * item.quantity;
}

function cartTotal(cart) {
  return cart.items.map(lineTotal).reduce((a, b) => a + b, 0);
}

module.exports = { lineTotal, cartTotal };
`;
const CART_UNGUARDED = CART_GUARDED.replace('  if (!item.price) return 0;\n', '');

/** The crash of the shop: lineTotal at cart.js:5 (the line under the removed guard). */
export const CART_CRASH = [
  "TypeError: Cannot read properties of undefined (reading 'amount')",
  '    at lineTotal (/app/src/cart.js:5:21)',
  '    at Array.map (<anonymous>)',
  '    at cartTotal (/app/src/cart.js:9:21)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
].join('\n');

export interface ShopRepository {
  dir: string;
  culprit: string;
  shas: string[];
}

export function buildShopRepository(): ShopRepository {
  const dir = newTempDir('causelens-shop-');
  const prices = (n: number) => `exports.currency = 'EUR';\nexports.rounding = ${n};\n`;
  const shas = commitHistory(dir, [
    { message: 'cart totals', author: 'Ada', files: { 'src/cart.js': CART_GUARDED, 'src/prices.js': prices(0), 'README.md': '# shop\n' } },
    { message: 'prices: round to cents', author: 'Grace', files: { 'src/prices.js': prices(2) } },
    { message: 'prices: configurable rounding', author: 'Grace', files: { 'src/prices.js': prices(3) } },
    { message: 'cart: drop the free-item shortcut', author: 'Bob', files: { 'src/cart.js': CART_UNGUARDED } },
    { message: 'docs: describe the cart', author: 'Ada', files: { 'README.md': '# shop\n\nCart totals in src/cart.js.\n' } },
    { message: 'prices: back to two decimals', author: 'Grace', files: { 'src/prices.js': prices(2) } },
  ]);
  return { dir, culprit: shas[3], shas };
}
