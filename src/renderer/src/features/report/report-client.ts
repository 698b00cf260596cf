// UI-thread side of the report worker: one worker per build, terminated when the answer arrives or
// when the page no longer wants it (language or comparison changed, page left).
import type { FromReportWorker, ReportRequest } from './report-protocol';
import type { BuiltReport } from './report-builder';
import ReportWorker from './report.worker?worker';

export interface ReportBuild {
  result: Promise<BuiltReport>;
  cancel(): void;
}

export function startReportBuild(request: ReportRequest): ReportBuild {
  const worker = new ReportWorker();
  const result = new Promise<BuiltReport>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromReportWorker>) => {
      const m = event.data;
      worker.terminate();
      if (m.type === 'report') resolve({ model: m.model, snapshots: m.snapshots });
      else reject(new Error(m.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The report worker failed.'));
    };
  });
  worker.postMessage(request);
  return { result, cancel: () => worker.terminate() };
}
