// Typed errors for the engine: every failure carries a machine-readable reason
// and a message that tells the user what happened and what to do.

export type CauseLensErrorReason =
  | 'bad-input'
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'cancelled'
  | 'outside-workspace'
  | 'no-history'
  | 'internal';

export class CauseLensError extends Error {
  constructor(
    readonly reason: CauseLensErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CauseLensError';
  }
}

export function isCauseLensError(value: unknown): value is CauseLensError {
  return value instanceof CauseLensError;
}
