#!/usr/bin/env node
// Development tool: turns chosen lines of find-regressions output into case entries to paste
// into a cases/<module>.mjs file. Usage: pin-cases.mjs <found.jsonl> <id>=<label substring> ...
import { readFileSync } from 'node:fs';

const [found, ...picks] = process.argv.slice(2);
const rows = readFileSync(found, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
for (const pick of picks) {
  const [id, rest] = pick.split(/=(.*)/s);
  const [needle, file] = rest.split('@');
  const row = rows.find((r) => r.label.includes(needle) && (!file || r.edits[0].file === file));
  if (!row) throw new Error(`nothing matches ${needle}`);
  const intent = row.label.split(' ')[0];
  const errorClass = /([\w.]*(?:Error|Exception))\b/.exec(row.error)?.[1];
  const expect = errorClass && !row.error.includes('throw ') ? `expect: ${JSON.stringify(errorClass.replace(/\./g, '\\.'))}, ` : '';
  console.log(`    { id: '${id}', intent: '${intent}', ${expect}edits: ${JSON.stringify(row.edits)} },`);
}
