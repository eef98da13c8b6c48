// Every command and view id of the extension, in one place (they must match package.json).

export const CommandIds = {
  investigateIncident: 'causelens.investigateIncident',
  clearResults: 'causelens.clearResults',
} as const;

export const ViewIds = {
  container: 'causelens',
  rankedCauses: 'causelens.rankedCauses',
} as const;
