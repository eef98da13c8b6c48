// Piscina task used by the worker test: parses a file inside a worker thread through the
// code model, exactly as the analysis workers will.

import { isMainThread, threadId } from 'node:worker_threads';
import { enclosingSymbols, parseSource, type LanguageId } from '../../../../src/core/ast';

export interface ParseTask {
  language: LanguageId;
  text: string;
  line: number;
}

export default async function parseInWorker(task: ParseTask): Promise<{ chain: string[]; isMainThread: boolean; threadId: number }> {
  const syntax = await parseSource(task.language, task.text);
  return { chain: enclosingSymbols(syntax, task.line).map((s) => s.qualifiedName), isMainThread, threadId };
}
