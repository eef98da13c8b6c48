// Test-data builders for the explanation tests: an incident with a crash in formatUser, and ranked
// causes with their hunks, each overridable per test.

import type { RankedCause } from '../../../src/core/analysis/ranking';
import { emptyFeatures } from '../../../src/core/analysis/features';
import type { Incident } from '../../../src/core/incident/model';
import type { CauseToExplain, ExplainHunk, ExplainRequest } from '../../../src/core/explain';

export function incident(extra: Partial<Incident> = {}): Incident {
  return {
    id: 'sentry:4711',
    source: 'sentry-event',
    title: "TypeError: Cannot read properties of undefined (reading 'email')",
    platform: 'javascript',
    exceptions: [
      {
        type: 'TypeError',
        message: "Cannot read properties of undefined (reading 'email')",
        frames: [
          { file: '/app/src/users.js', function: 'formatUser', line: 12, column: 30, inApp: true, context: { pre: ['function formatUser(user) {', '  const name = user.name;'], line: '  return user.profile.email;', post: ['}'] } },
          { file: '/app/src/routes.js', function: 'handleProfile', line: 40, inApp: true },
          { file: 'node:internal/process/task_queues', function: 'processTicksAndRejections', line: 95, inApp: false },
        ],
      },
    ],
    firstSeen: '2026-01-02T12:00:00Z',
    environment: 'production',
    release: 'web@1.4.0',
    warnings: [],
    ...extra,
  };
}

export function guardHunk(extra: Partial<ExplainHunk> = {}): ExplainHunk {
  return { path: 'src/users.js', newStart: 10, newLines: 4, added: ['  return user.profile.email;'], removed: ['  if (!user.profile) return "";', '  return user.profile.email;'], ...extra };
}

export function cause(sha: string, rank: number, extra: Partial<RankedCause> = {}): RankedCause {
  return {
    rank,
    commit: { sha, author: 'Dev', date: '2026-01-02T07:00:00Z', subject: 'Show the profile email on the account page' },
    score: rank === 1 ? 0.7 : 0.1,
    confidence: 0.8,
    evidence: [
      { kind: 'crash-line-introduced', weight: 2.1, message: 'Wrote line src/users.js:12 (the crash site, in formatUser) as it stands today', path: 'src/users.js', line: 12 },
      { kind: 'guard-removed', weight: 0.8, message: 'Removed 1 guard or null check' },
      { kind: 'error-words', weight: 0.5, message: "Added or removed words of the error: 'email'" },
    ],
    suspectLines: [{ path: 'src/users.js', line: 12 }],
    features: emptyFeatures(),
    ...extra,
  };
}

export function causeToExplain(sha: string, rank: number, hunks: ExplainHunk[] = [guardHunk()], extra: Partial<RankedCause> = {}, commitMessage?: string): CauseToExplain {
  return { cause: cause(sha, rank, extra), hunks, ...(commitMessage !== undefined ? { commitMessage } : {}) };
}

export function request(causes: CauseToExplain[] = [causeToExplain('a1b2c3d4e5f6a7b8', 1)], inc: Incident = incident()): ExplainRequest {
  return { incident: inc, causes };
}
