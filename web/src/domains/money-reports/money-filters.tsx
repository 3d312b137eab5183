import type { ReactNode } from 'react';
import type { Query } from '../../app/api-client.js';
import { ExportButton } from '../../shared/export-button.js';
import { useListParams } from '../../shared/list-state.js';
import { ClearFiltersCol } from '../../shared/report-filters.js';
import { TeamFilterCols } from '../organisation/public.js';

/** Department and owner, kept in the URL like every report's filters (a rep's reports are his own anyway). */
export function useMoneyFilters() {
  const lp = useListParams();
  const filters = { departmentId: lp.text('dept'), ownerId: lp.text('owner') };
  return { lp, filters, active: Object.values(filters).filter(Boolean).length };
}

export function MoneyFilters({ children }: { children?: ReactNode }) {
  const { lp, active } = useMoneyFilters();
  return (
    <>
      <TeamFilterCols lp={lp} ns="moneyReports" />
      {children}
      <ClearFiltersCol lp={lp} keys={['dept', 'owner']} active={active > 0} />
    </>
  );
}

/** 导出 Excel / CSV of a report with the filters on screen (the report's own URL with `format=`). */
export function ReportDownload({ path, query, module }: { path: string; query: Query; module: 'receivables' | 'product_costs' }) {
  const params = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === undefined || v === null ? undefined : String(v)]));
  return <ExportButton entity={`report-${path}`} module={module} action="view" path={`/reports/${path}`} params={params} />;
}
