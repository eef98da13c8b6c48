// incident -> mapped frames -> candidate commits -> scored hypotheses -> explanations:
// the one pipeline both the VS Code surfaces and the CLI call.

import type { Incident } from './incident/model';

export interface InvestigationSummary {
  title: string;
  exceptionCount: number;
  frameCount: number;
  inAppFrameCount: number;
}

/** A first, purely descriptive view of an incident; the ranking grows from here. */
export function summarizeIncident(incident: Incident): InvestigationSummary {
  const frames = incident.exceptions.flatMap((e) => e.frames);
  return {
    title: incident.title,
    exceptionCount: incident.exceptions.length,
    frameCount: frames.length,
    inAppFrameCount: frames.filter((f) => f.inApp).length,
  };
}
