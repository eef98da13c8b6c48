// Bounds on what one incident may hold, so a 50 MB event or a 100,000-frame trace is read in
// bounded time and memory: frames are kept from both ends (the crash site and the entry point).

import type { StackFrame } from './model';

/** Frames kept from the crash-site end of one exception's stack. */
export const HEAD_FRAMES = 150;
/** Frames kept from the entry-point end of one exception's stack. */
export const TAIL_FRAMES = 50;
/** Exceptions kept in one cause chain. */
export const MAX_EXCEPTIONS = 32;
/** Input longer than this is refused: a single event or trace is far smaller, and JSON must be parsed whole. */
export const MAX_INPUT_CHARS = 256 * 1024 * 1024;
/** Stack text longer than this is read from its first and last halves only. */
export const MAX_TEXT_CHARS = 8 * 1024 * 1024;
/** Only this much of one line is matched against frame patterns (long minified lines, base64 blobs). */
export const MAX_LINE_CHARS = 4096;

/**
 * Collects frames in the order they are printed, keeping the first HEAD_FRAMES and the last
 * TAIL_FRAMES in a ring so memory stays bounded however long the trace is.
 */
export class FrameCollector {
  private readonly head: StackFrame[] = [];
  private readonly tail: StackFrame[] = [];
  private tailStart = 0;
  private total = 0;
  private newest: StackFrame | undefined;

  constructor(
    private readonly headLimit = HEAD_FRAMES,
    private readonly tailLimit = TAIL_FRAMES,
  ) {}

  add(frame: StackFrame): void {
    this.total += 1;
    this.newest = frame;
    if (this.head.length < this.headLimit) {
      this.head.push(frame);
    } else if (this.tail.length < this.tailLimit) {
      this.tail.push(frame);
    } else if (this.tailLimit > 0) {
      this.tail[this.tailStart] = frame;
      this.tailStart = (this.tailStart + 1) % this.tailLimit;
    }
  }

  /** The frame added last (kept or not). */
  get latest(): StackFrame | undefined {
    return this.newest;
  }

  get count(): number {
    return this.total;
  }

  get dropped(): number {
    return this.total - this.head.length - this.tail.length;
  }

  /** The last `n` frames still held (fewer when they were dropped), in printed order. */
  last(n: number): StackFrame[] {
    const all = this.frames();
    return n <= 0 ? [] : all.slice(Math.max(0, all.length - n));
  }

  /** The kept frames in printed order. */
  frames(): StackFrame[] {
    const tail = this.tail.slice(this.tailStart).concat(this.tail.slice(0, this.tailStart));
    return this.head.concat(tail);
  }
}

/** Keeps the first and last frames of an already built list, warning about what was dropped. */
export function capFrames(frames: StackFrame[], warnings: string[], label: string): StackFrame[] {
  if (frames.length <= HEAD_FRAMES + TAIL_FRAMES) return frames;
  const dropped = frames.length - HEAD_FRAMES - TAIL_FRAMES;
  warnings.push(droppedFramesWarning(label, frames.length, dropped));
  return frames.slice(0, HEAD_FRAMES).concat(frames.slice(frames.length - TAIL_FRAMES));
}

export function droppedFramesWarning(label: string, total: number, dropped: number): string {
  return `${label} has ${total} frames; kept the ${HEAD_FRAMES} nearest the crash and the ${TAIL_FRAMES} outermost, dropped ${dropped} in between.`;
}

const ANSI_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Splits text into lines, reading only the two ends of very large text and saying so. */
export function boundedLines(text: string, warnings: string[]): string[] {
  if (text.length > MAX_TEXT_CHARS) {
    const half = MAX_TEXT_CHARS / 2;
    warnings.push(
      `The stack text is ${Math.round(text.length / 1048576)} MB; only its first and last ${half / 1048576} MB were read.`,
    );
    text = `${text.slice(0, half)}\n\n${text.slice(text.length - half)}`;
  }
  // Terminal colours (Python 3.13 and many loggers colour tracebacks) are not part of the trace.
  return text
    .replace(ANSI_ESCAPE, '')
    .split(/\r?\n|\r/)
    .map((l) => (l.length > MAX_LINE_CHARS ? l.slice(0, MAX_LINE_CHARS) : l));
}
