// Every command, view, scheme and secret id of the extension, in one place (they must match package.json).

export const CommandIds = {
  investigateIncident: 'causelens.investigateIncident',
  clearResults: 'causelens.clearResults',
  showCommitDiff: 'causelens.showCommitDiff',
  copyCommitSha: 'causelens.copyCommitSha',
  setSentryToken: 'causelens.setSentryToken',
} as const;

export const ViewIds = {
  container: 'causelens',
  rankedCauses: 'causelens.rankedCauses',
  stack: 'causelens.stack',
} as const;

/** URI scheme of the read-only documents that show a file as it was at a commit. */
export const GIT_CONTENT_SCHEME = 'causelens-git';

/** SecretStorage key of the Sentry auth token (never a setting). */
export const SENTRY_TOKEN_SECRET = 'causelens.sentry.authToken';

export const ColorIds = {
  suspectLineBackground: 'causelens.suspectLineBackground',
  annotationForeground: 'causelens.annotationForeground',
} as const;
