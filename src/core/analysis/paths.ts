// What kind of file a path is, as far as the evidence cares: test code, and code at all.

import { languageForPath } from '../ast/languages';

const TEST_PATH = /(?:^|\/)(?:tests?|__tests__|spec|specs|testing)\/|[._-](?:test|spec)s?\.[A-Za-z]+$|Tests?\.(?:java|kt|cs|scala)$|(?:^|\/)test_[^/]*\.py$|_test\.(?:go|py|rb)$|_spec\.rb$/;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

/** Source code that runs in the product: a language CauseLens reads, and not a test. */
export function isProductCode(path: string): boolean {
  return languageForPath(path) !== undefined && !isTestPath(path);
}

/** The words a file's name contributes (`lib/stringify.js` -> `stringify`). */
export function pathWords(path: string): string[] {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return base.length >= 3 ? [base] : [];
}
