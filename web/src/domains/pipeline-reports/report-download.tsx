import type { Query } from '../../app/api-client.js';
import { ExportButton } from '../../shared/export-button.js';

/**
 * 导出 Excel / CSV of a report with the filters and period on screen: the report's own URL with
 * `format=` (server: platform/reports/report-route.ts); a file holds every rep, not one page.
 */
export function ReportDownload({ report, query }: { report: string; query: Query }) {
  const params = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === undefined || v === null ? undefined : String(v)]));
  return <ExportButton entity={`report-${report}`} module="opportunities" action="view" path={`/reports/${report}`} params={params} />;
}
