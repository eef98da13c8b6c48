// Describes where a case's crash is relative to its culprit (same line, same file, a caller, or
// only test frames) by parsing the real trace and blaming its frames at the incident revision.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { isTestPath } from './text.mjs';

const run = promisify(execFile);

/** In-project frames of a trace, innermost first: { file (repo-relative), line, function }. */
export function inProjectFrames(language, trace, repoDir, trackedFiles) {
  const frames = [];
  const toRelative = (abs) => {
    const clean = abs.replace(/^file:\/\//, '');
    const rel = path.relative(repoDir, clean);
    return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep).join('/');
  };
  if (language === 'python') {
    for (const m of trace.matchAll(/^\s*File "([^"]+)", line (\d+), in (\S+)/gm)) {
      const file = toRelative(path.resolve(repoDir, m[1]));
      if (file && trackedFiles.has(file)) frames.unshift({ file, line: Number(m[2]), function: m[3] });
    }
    return frames;
  }
  if (language === 'java') {
    for (const m of trace.matchAll(/^\s*at ([\w$.]+)\.([\w$<>]+)\(([\w$]+\.java):(\d+)\)/gm)) {
      const pkgPath = m[1].split('.').slice(0, -1).join('/');
      const suffix = `${pkgPath}/${m[3]}`;
      const file = [...trackedFiles].find((f) => f.endsWith(suffix));
      if (file) frames.push({ file, line: Number(m[4]), function: `${m[1].split('.').pop()}.${m[2]}` });
    }
    return frames;
  }
  for (const m of trace.matchAll(/^\s*at (?:(.*?) \()?((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/gm)) {
    const file = toRelative(m[2]);
    if (file && trackedFiles.has(file)) frames.push({ file, line: Number(m[3]), function: m[1] ?? '<anonymous>' });
  }
  return frames;
}

async function blameLine(repoDir, revision, file, line) {
  try {
    const { stdout } = await run('git', ['blame', '--porcelain', '-L', `${line},${line}`, revision, '--', file], { cwd: repoDir });
    return stdout.slice(0, 40);
  } catch {
    return null;
  }
}

/** Relation of the crash frame to the culprit, with the frames found and whether only tests appear. */
export async function describeCrash({ language, trace, repoDir, revision, culpritSha, culpritFiles, trackedFiles }) {
  const frames = inProjectFrames(language, trace, repoDir, trackedFiles);
  if (frames.length === 0) return { frames, relation: 'no-in-project-frame', testOnly: false };
  const testOnly = frames.every((frame) => isTestPath(frame.file));
  const blames = [];
  for (const frame of frames) blames.push(await blameLine(repoDir, revision, frame.file, frame.line));
  const top = frames[0];
  let relation;
  if (testOnly && !blames.includes(culpritSha)) relation = 'only-test-frames';
  else if (blames[0] === culpritSha) relation = 'crash-line-changed';
  else if (culpritFiles.includes(top.file)) relation = 'crash-file-changed';
  else if (blames.includes(culpritSha)) relation = 'caller-line-changed';
  else if (frames.some((frame) => culpritFiles.includes(frame.file))) relation = 'caller-file-changed';
  else relation = 'culprit-not-on-stack';
  return { frames, relation, testOnly, crashFrame: top };
}
