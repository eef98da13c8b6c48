// Piscina task entry: one call scores one candidate commit. Imports core only.

export interface AnalysisTask {
  kind: 'ping';
}

export default function runAnalysisTask(task: AnalysisTask): { ok: true; kind: string } {
  return { ok: true, kind: task.kind };
}
