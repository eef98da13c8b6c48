// Every command, view, scheme and secret id of the extension, in one place (they must match package.json).

export const CommandIds = {
  investigateIncident: 'causelens.investigateIncident',
  clearResults: 'causelens.clearResults',
  showCommitDiff: 'causelens.showCommitDiff',
  copyCommitSha: 'causelens.copyCommitSha',
  setSentryToken: 'causelens.setSentryToken',
  setExplainApiKey: 'causelens.setExplainApiKey',
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

/** SecretStorage key of the API key of the OpenAI-compatible explanation endpoint. */
export const EXPLAIN_API_KEY_SECRET = 'causelens.explain.apiKey';

/** globalState key of the endpoints the user agreed to send explanation prompts to. */
export const EXPLAIN_CONSENT_STATE = 'causelens.explain.consentedEndpoints';

/** URI scheme of the read-only preview of what an explanation request would send. */
export const PAYLOAD_PREVIEW_SCHEME = 'causelens-payload';

export const ColorIds = {
  suspectLineBackground: 'causelens.suspectLineBackground',
  annotationForeground: 'causelens.annotationForeground',
} as const;
