import type { Locale } from '@contracts/common.js';
import { FORECAST_CATEGORIES } from '@contracts/opportunities.js';
import { Col, DatePicker, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../shared/list-state.js';
import { ClearFiltersCol } from '../../shared/report-filters.js';
import { usePicklists } from '../../shared/use-picklist.js';
import { TeamFilterCols } from '../organisation/public.js';
import {
  addDays,
  addMonths,
  companyMonth,
  companyToday,
  dateFromPicker,
  dateToPicker,
  formatMonth,
  isBusinessDate,
  isMonth,
  monthFromPicker,
  monthToPicker,
  pickerToday,
} from '../../shared/dates.js';
import { useReportPipelines } from './api.js';

/** 'YYYY-MM' → '2026年3月' / 'Mar 2026'. */
export function useMonthLabel() {
  const { i18n } = useTranslation();
  return (m: string) => formatMonth(m, i18n.language);
}

/** A stage's label in the UI language. */
export function useStageLabel() {
  const { i18n } = useTranslation();
  const locale = (i18n.language as Locale) ?? 'zh-CN';
  return (labels: Record<Locale, string>) => labels[locale] ?? labels['zh-CN'];
}

/** Source codes come from the 'opportunity_source' picklist, or the customers' one where that has none. */
export function useSourceLabel() {
  const { i18n } = useTranslation();
  const { data } = usePicklists(true);
  const locale = (i18n.language as Locale) ?? 'zh-CN';
  return (code: string | null) => {
    if (!code) return null;
    const values = data?.items ?? [];
    const hit =
      values.find((v) => (v.list as string) === 'opportunity_source' && v.code === code) ??
      values.find((v) => v.list === 'customer_source' && v.code === code);
    return hit?.labels[locale] ?? code;
  };
}

/**
 * The filters every report page shares, kept in the URL: department, owner (managers and the
 * director only: a rep's reports are his own anyway) and, where asked, the pipeline. `category`
 * (the deals' forecast category) is apart: only the reports that take it send it.
 */
export function useReportFilters() {
  const lp = useListParams();
  const filters = { departmentId: lp.text('dept'), ownerId: lp.text('owner'), pipelineId: lp.text('pipeline') };
  const category = lp.text('category') as (typeof FORECAST_CATEGORIES)[number] | undefined;
  return { lp, filters, category, active: [...Object.values(filters), category].filter(Boolean).length };
}

export function ReportFilters({
  pipeline,
  category,
  children,
}: {
  /** 'optional': all pipelines by default; 'single': the default pipeline unless one is chosen. */
  pipeline?: 'optional' | 'single';
  /** Offer the forecast-category filter (the report takes `category`). */
  category?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation('pipelineReports');
  const { t: to } = useTranslation('opportunities');
  const { lp, filters, category: chosenCategory, active } = useReportFilters();
  const pipelines = useReportPipelines();
  const defaultPipeline = pipelines.data?.items[0]?.id;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="middle">
      {pipeline && (
        <Col xs={24} sm={12} md={8} xl={5}>
          <Select
            allowClear={pipeline === 'optional'}
            placeholder={t('filters.allPipelines')}
            loading={pipelines.isLoading}
            value={filters.pipelineId ?? (pipeline === 'single' ? defaultPipeline : undefined)}
            onChange={(v) => lp.update({ pipeline: v })}
            options={(pipelines.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            style={{ width: '100%' }}
            aria-label={t('filters.pipeline')}
            data-testid="report-pipeline"
          />
        </Col>
      )}
      <TeamFilterCols lp={lp} ns="pipelineReports" />
      {category && (
        <Col xs={24} sm={12} md={8} xl={4}>
          <Select
            allowClear
            placeholder={t('filters.allCategories')}
            value={chosenCategory}
            onChange={(v) => lp.update({ category: v })}
            options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: to(`forecast.${c}`) }))}
            style={{ width: '100%' }}
            aria-label={t('filters.category')}
            data-testid="report-category"
          />
        </Col>
      )}
      {children}
      <ClearFiltersCol lp={lp} keys={['dept', 'owner', 'pipeline', 'category']} active={active > 0} />
    </Row>
  );
}

/** A month range kept in the URL under `from`/`to` (or the given keys); defaults given as month offsets. */
export function useMonthRange(defaults: { from: number; to: number }, keys = { from: 'from', to: 'to' }) {
  const { lp } = useReportFilters();
  const rawFrom = lp.text(keys.from);
  const rawTo = lp.text(keys.to);
  const from = isMonth(rawFrom) ? rawFrom : companyMonth(defaults.from);
  const to = isMonth(rawTo) && rawTo >= from ? rawTo : addMonths(from, defaults.to - defaults.from);
  const set = (f: string | undefined, tt: string | undefined) => lp.update({ [keys.from]: f, [keys.to]: tt });
  return { from, to, set, isDefault: !isMonth(rawFrom) && !isMonth(rawTo) };
}

export function MonthRangePicker({ range, testId }: { range: ReturnType<typeof useMonthRange>; testId?: string }) {
  return (
    <DatePicker.RangePicker
      picker="month"
      allowClear={false}
      value={[monthToPicker(range.from), monthToPicker(range.to)]}
      onChange={(v) => v?.[0] && v[1] && range.set(monthFromPicker(v[0]) ?? undefined, monthFromPicker(v[1]) ?? undefined)}
      style={{ width: 220 }}
      data-testid={testId}
    />
  );
}

/** A day range kept in the URL; the default is the `days` days up to today (company time zone). */
export function useDayRange(days: number, keys = { from: 'from', to: 'to' }) {
  const { lp } = useReportFilters();
  const rawFrom = lp.text(keys.from);
  const rawTo = lp.text(keys.to);
  const to = isBusinessDate(rawTo) ? rawTo : companyToday();
  const from = isBusinessDate(rawFrom) && rawFrom <= to ? rawFrom : addDays(to, -(days - 1));
  const set = (f: string | undefined, tt: string | undefined) => lp.update({ [keys.from]: f, [keys.to]: tt });
  return { from, to, set };
}

export function DayRangePicker({ range, testId }: { range: ReturnType<typeof useDayRange>; testId?: string }) {
  const { t } = useTranslation('pipelineReports');
  const today = pickerToday();
  return (
    <DatePicker.RangePicker
      allowClear={false}
      value={[dateToPicker(range.from), dateToPicker(range.to)]}
      onChange={(v) => v?.[0] && v[1] && range.set(dateFromPicker(v[0]) ?? undefined, dateFromPicker(v[1]) ?? undefined)}
      presets={[
        { label: t('periods.thisMonth'), value: [today.startOf('month'), today] },
        { label: t('periods.thisQuarter'), value: [today.subtract(today.month() % 3, 'month').startOf('month'), today] },
        { label: t('periods.thisYear'), value: [today.startOf('year'), today] },
        { label: t('periods.last90'), value: [today.subtract(89, 'day'), today] },
        { label: t('periods.last365'), value: [today.subtract(364, 'day'), today] },
      ]}
      style={{ width: 260 }}
      data-testid={testId}
    />
  );
}

/** A percentage as the reports show it: one decimal, or a dash where there is none. */
export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
