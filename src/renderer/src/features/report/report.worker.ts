// The report worker: builds the ReportModel off the UI thread (analysis when needed, evidence lines
// read from Blobs). One request in (ReportRequest), one answer out (FromReportWorker).
import { buildReportFromRequest } from './report-builder';
import type { FromReportWorker, ReportRequest } from './report-protocol';

interface WorkerScope {
  postMessage(message: FromReportWorker): void;
  onmessage: ((event: MessageEvent<ReportRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  buildReportFromRequest(event.data).then(
    ({ model, snapshots }) => scope.postMessage({ type: 'report', model, snapshots }),
    (error: unknown) => scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};
