// What kind of file a path is, as far as the evidence cares: test code, code at all, documentation.

import { languageForPath } from '../ast/languages';

const TEST_PATH = /(?:^|\/)(?:tests?|__tests__|spec|specs|testing)\/|[._-](?:test|spec)s?\.[A-Za-z]+$|Tests?\.(?:java|kt|cs|scala)$|(?:^|\/)test_[^/]*\.py$|_test\.(?:go|py|rb)$|_spec\.rb$/;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

/** Source code that runs in the product: a language CauseLens reads, and not a test. */
export function isProductCode(path: string): boolean {
  return languageForPath(path) !== undefined && !isTestPath(path);
}

const DOCUMENTATION = /\.(?:md|markdown|mdx|rst|adoc|asciidoc|txt)$|(?:^|\/)(?:docs?|documentation)\/|(?:^|\/)(?:README|CHANGELOG|CHANGES|HISTORY|NEWS|AUTHORS|CONTRIBUTORS|LICENSE|NOTICE)(?:\.[^/]*)?$/i;

/** Prose about the project (docs, readme, changelog): nothing in it runs. */
export function isDocumentation(path: string): boolean {
  return DOCUMENTATION.test(path) && languageForPath(path) === undefined;
}

/** The words a file's name contributes (`lib/stringify.js` -> `stringify`). */
export function pathWords(path: string): string[] {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return base.length >= 3 ? [base] : [];
}
