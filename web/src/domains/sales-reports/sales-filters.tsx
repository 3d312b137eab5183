import { Col, DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../app/api-client.js';
import { companyToday, dateFromPicker, dateToPicker, isBusinessDate } from '../../shared/dates.js';
import { ExportButton } from '../../shared/export-button.js';
import { useListParams } from '../../shared/list-state.js';
import { ClearFiltersCol } from '../../shared/report-filters.js';
import { TeamFilterCols } from '../organisation/public.js';
import { CategorySelect } from '../products/public.js';

/** Period, department, owner and product category, kept in the URL like every report's filters. */
export function useSalesFilters() {
  const lp = useListParams();
  const from = lp.text('from');
  const to = lp.text('to');
  const filters = {
    from: isBusinessDate(from) ? from : undefined,
    to: isBusinessDate(to) ? to : undefined,
    departmentId: lp.text('dept'),
    ownerId: lp.text('owner'),
    category: lp.text('category'),
  };
  return { lp, filters, active: Object.values(filters).filter(Boolean).length };
}

/** 本月 / 本季度 / 今年 / 近 90 天, in the company's time zone. */
function usePresets() {
  const { t } = useTranslation('salesReports');
  const today = dayjs(companyToday());
  const quarterStart = today.month(Math.floor(today.month() / 3) * 3).startOf('month');
  return [
    { label: t('filters.presets.month'), value: [today.startOf('month'), today] as [dayjs.Dayjs, dayjs.Dayjs] },
    { label: t('filters.presets.quarter'), value: [quarterStart, today] as [dayjs.Dayjs, dayjs.Dayjs] },
    { label: t('filters.presets.year'), value: [today.startOf('year'), today] as [dayjs.Dayjs, dayjs.Dayjs] },
    { label: t('filters.presets.last90'), value: [today.subtract(89, 'day'), today] as [dayjs.Dayjs, dayjs.Dayjs] },
  ];
}

export function SalesFilters({ shown, children }: { shown?: { from: string; to: string }; children?: ReactNode }) {
  const { t } = useTranslation('salesReports');
  const { lp, filters, active } = useSalesFilters();
  const presets = usePresets();
  return (
    <>
      <Col>
        <DatePicker.RangePicker
          value={[dateToPicker(filters.from ?? shown?.from), dateToPicker(filters.to ?? shown?.to)]}
          onChange={(v) => lp.update({ from: dateFromPicker(v?.[0]) ?? undefined, to: dateFromPicker(v?.[1]) ?? undefined })}
          presets={presets}
          allowClear={false}
          aria-label={t('filters.period')}
          style={{ width: 260 }}
          data-testid="sales-period"
        />
      </Col>
      <Col xs={24} sm={12} md={8} xl={4}>
        <CategorySelect
          allowClear
          placeholder={t('filters.allCategories')}
          value={filters.category}
          onChange={(v) => lp.update({ category: v })}
          style={{ width: '100%' }}
          aria-label={t('filters.category')}
        />
      </Col>
      <TeamFilterCols lp={lp} ns="salesReports" departmentXl={4} />
      {children}
      <ClearFiltersCol lp={lp} keys={['from', 'to', 'dept', 'owner', 'category']} active={active > 0} />
    </>
  );
}

/** 导出 Excel / CSV of a report with the filters on screen (the report's own URL with `format=`). */
export function SalesDownload({ path, query }: { path: string; query: Query }) {
  const params = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === undefined || v === null ? undefined : String(v)]));
  return (
    <ExportButton entity={`report-${path}`} module="contracts" action="view" path={`/reports/product-sales/${path}`} params={params} />
  );
}
