import { Button, Col } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import type { Query } from '../../app/api-client.js';
import { ExportButton } from '../../shared/export-button.js';
import { useListParams } from '../../shared/list-state.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { DepartmentSelect } from '../organisation/public.js';

/** Department and owner, kept in the URL like every report's filters (a rep's reports are his own anyway). */
export function useMoneyFilters() {
  const lp = useListParams();
  const filters = { departmentId: lp.text('dept'), ownerId: lp.text('owner') };
  return { lp, filters, active: Object.values(filters).filter(Boolean).length };
}

export function MoneyFilters({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('moneyReports');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const { lp, filters, active } = useMoneyFilters();
  const team = me?.scope !== 'own';
  return (
    <>
      {team && (
        <Col xs={24} sm={12} md={8} xl={5}>
          <DepartmentSelect
            placeholder={t('filters.allDepartments')}
            value={filters.departmentId}
            onChange={(v) => lp.update({ dept: v })}
            style={{ width: '100%' }}
            aria-label={t('filters.department')}
          />
        </Col>
      )}
      {team && (
        <Col xs={24} sm={12} md={8} xl={4}>
          <OwnerSelect
            placeholder={t('filters.allOwners')}
            value={filters.ownerId}
            onChange={(v) => lp.update({ owner: v })}
            style={{ width: '100%' }}
            aria-label={t('filters.owner')}
          />
        </Col>
      )}
      {children}
      {active > 0 && (
        <Col>
          <Button onClick={() => lp.clear(['dept', 'owner'])}>{tc('list.clearFilters')}</Button>
        </Col>
      )}
    </>
  );
}

/** 导出 Excel / CSV of a report with the filters on screen (the report's own URL with `format=`). */
export function ReportDownload({ path, query, module }: { path: string; query: Query; module: 'receivables' | 'product_costs' }) {
  const params = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === undefined || v === null ? undefined : String(v)]));
  return <ExportButton entity={`report-${path}`} module={module} action="view" path={`/reports/${path}`} params={params} />;
}
