import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Grid, Row, Segmented, Space, Statistic, Table, Tabs, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { LoadError } from '../../shared/filter-bar.js';
import { addMonths, companyMonth } from '../../shared/dates.js';
import { formatMoney, formatWan } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { reportPagination } from '../../shared/report-filters.js';
import { AdjustmentModal, type AdjustTarget } from './adjustment-modal.js';
import { type ForecastFigures, type ForecastReport, useForecast } from './api.js';
import { MoneyBarChart } from './charts.js';
import { ForecastAccuracyTab } from './forecast-accuracy-tab.js';
import { ReportDownload } from './report-download.js';
import { MonthRangePicker, ReportFilters, useMonthLabel, useMonthRange, useReportFilters } from './report-filters.js';

type DeptFigures = ForecastReport['departments'][number]['months'][number];
interface DeptRow {
  key: string;
  departmentId: string;
  name: string;
  figures: DeptFigures;
  children?: DeptRow[];
}
type RepRow = ForecastReport['reps']['items'][number];

const money = (v: string) => <span className="money">{formatMoney(v)}</span>;

/** O5: 销售预测 — this month and next by expected close date, weighted at the threshold, beside what is signed. */
export function ForecastPage() {
  const { t } = useTranslation('pipelineReports');
  const { lp } = useReportFilters();
  const tab = lp.text('tab') === 'accuracy' ? 'accuracy' : 'forecast';
  return (
    <>
      <PageHeader title={t('forecast.title')} sub={t('forecast.subtitle')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => lp.update({ tab: k === 'accuracy' ? 'accuracy' : undefined, from: undefined, to: undefined, month: undefined })}
          items={[
            { key: 'forecast', label: t('forecast.tab') },
            { key: 'accuracy', label: t('accuracy.tab') },
          ]}
        />
        {tab === 'accuracy' ? <ForecastAccuracyTab /> : <ForecastTab />}
      </Card>
    </>
  );
}

function ForecastTab() {
  const { t, i18n } = useTranslation('pipelineReports');
  const { me } = useAuth();
  const phone = !Grid.useBreakpoint().md;
  const monthLabel = useMonthLabel();
  const { lp, filters, category } = useReportFilters();
  const range = useMonthRange({ from: 0, to: 1 });
  // The month the tables show (and the reps are ranked by): chosen, else this month, else the first.
  const inRange = (m: string | undefined): m is string => !!m && m >= range.from && m <= range.to;
  const rawMonth = lp.text('month');
  const month = inRange(rawMonth) ? rawMonth : inRange(companyMonth()) ? companyMonth() : range.from;
  const query = { ...filters, category, from: range.from, to: range.to, month, page: lp.page, pageSize: lp.pageSize };
  const { data, isFetching, isError, error, refetch } = useForecast(query);
  const [adjusting, setAdjusting] = useState<AdjustTarget | null>(null);
  const months = data?.months ?? [];
  const canAdjust = me?.scope !== 'own';
  const tagOf = (m: string) =>
    m === data?.currentMonth ? t('forecast.thisMonth') : data && m === addMonths(data.currentMonth, 1) ? t('forecast.nextMonth') : null;

  const figureColumns = <T,>(get: (r: T) => ForecastFigures): ColumnsType<T> => [
    {
      key: 'forecast',
      title: <Tooltip title={t('forecast.weightedHint', { threshold: data?.threshold ?? 70 })}>{t('columns.forecast')}</Tooltip>,
      align: 'right',
      render: (_, r) => (
        <Space size={4}>
          {money(get(r).forecast)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ({get(r).forecastCount})
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'commit', title: t('columns.commit'), align: 'right', render: (_, r) => money(get(r).commit), responsive: ['md'] },
    { key: 'bestCase', title: t('columns.bestCase'), align: 'right', render: (_, r) => money(get(r).bestCase), responsive: ['md'] },
    { key: 'pipeline', title: t('columns.pipeline'), align: 'right', render: (_, r) => money(get(r).pipeline), responsive: ['lg'] },
    {
      key: 'won',
      title: t('columns.won'),
      align: 'right',
      render: (_, r) => (
        <Typography.Text type={Number(get(r).won) > 0 ? 'success' : undefined} className="money">
          {formatMoney(get(r).won)}
        </Typography.Text>
      ),
    },
  ];

  // The department tree (each figure already rolled up over its sub-departments on the server).
  const deptRows: DeptRow[] = (() => {
    if (!data || !month) return [];
    const nodes = new Map<string, DeptRow & { parentId: string | null }>();
    for (const d of data.departments) {
      const figures = d.months.find((f) => f.month === month) as DeptFigures;
      nodes.set(d.departmentId, { key: d.departmentId, departmentId: d.departmentId, name: d.name, figures, parentId: d.parentId });
    }
    // Departments with nothing in the whole range (finance, legal …) stay out of the way.
    const busy = new Set(
      data.departments
        .filter((d) =>
          d.months.some(
            (f) => f.adjustment || [f.forecast, f.commit, f.bestCase, f.pipeline, f.omitted, f.won].some((v) => Number(v) !== 0),
          ),
        )
        .map((d) => d.departmentId),
    );
    for (const id of [...busy]) {
      for (let up = nodes.get(id)?.parentId; up && !busy.has(up); up = nodes.get(up)?.parentId) busy.add(up);
    }
    for (const id of [...nodes.keys()]) if (!busy.has(id)) nodes.delete(id);
    const roots: DeptRow[] = [];
    for (const n of nodes.values()) {
      const parent = n.parentId ? nodes.get(n.parentId) : undefined;
      if (parent) parent.children = [...(parent.children ?? []), n];
      else roots.push(n);
    }
    return roots;
  })();

  const deptColumns: ColumnsType<DeptRow> = [
    { key: 'name', title: t('columns.department'), dataIndex: 'name', fixed: phone ? undefined : 'left' },
    ...figureColumns<DeptRow>((r) => r.figures),
    {
      key: 'adjustment',
      title: t('columns.adjustment'),
      render: (_, r) => {
        const a = r.figures.adjustment;
        return (
          <Space size={4}>
            {a ? (
              <Tooltip title={`${a.note}（${a.createdByName ?? '—'}）`}>
                <Typography.Text strong className="money">
                  {formatMoney(a.amount)}
                </Typography.Text>
              </Tooltip>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            )}
            {canAdjust && (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setAdjusting({ departmentId: r.departmentId, departmentName: r.name, figures: r.figures })}
                aria-label={t('adjust.button')}
                data-testid={`adjust-${r.departmentId}`}
              >
                {phone ? null : t('adjust.button')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const repColumns: ColumnsType<RepRow> = [
    { key: 'owner', title: t('columns.owner'), dataIndex: 'ownerName', fixed: phone ? undefined : 'left' },
    { key: 'dept', title: t('columns.department'), dataIndex: 'departmentName', render: (v) => v ?? '—', responsive: ['lg'] },
    ...figureColumns<RepRow>((r) => r.months.find((f) => f.month === month) as ForecastFigures),
  ];

  return (
    <div data-testid="forecast-tab">
      <ReportFilters category>
        <Col>
          <MonthRangePicker range={range} testId="forecast-months" />
        </Col>
        <Col>
          <ReportDownload report="forecast" query={query} />
        </Col>
      </ReportFilters>
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}

      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {(data?.total ?? []).slice(0, 2).map((f) => (
          <Col key={f.month} xs={24} md={12}>
            <Card size="small" variant="borderless" style={{ background: '#f6f9ff' }} data-testid={`forecast-card-${f.month}`}>
              <Statistic
                title={
                  <Space>
                    {monthLabel(f.month)}
                    {tagOf(f.month) && <Typography.Text type="secondary">{tagOf(f.month)}</Typography.Text>}
                  </Space>
                }
                value={formatMoney(f.forecast)}
                loading={isFetching && !data}
              />
              <Typography.Text type="secondary">
                {t('forecast.cardLine', { count: f.forecastCount, threshold: data?.threshold ?? 70 })}
              </Typography.Text>
              <Row gutter={12} style={{ marginTop: 8 }}>
                {[
                  { key: 'won', value: f.won, color: '#389e0d' },
                  { key: 'commit', value: f.commit },
                  { key: 'bestCase', value: f.bestCase },
                ].map((x) => (
                  <Col span={8} key={x.key}>
                    <Statistic
                      title={t(`columns.${x.key}`)}
                      // Exact amounts in the tables; a phone's card shows them in 万.
                      value={phone ? formatWan(x.value, i18n.language) : formatMoney(x.value)}
                      styles={{ content: { fontSize: phone ? 14 : 16, color: x.color } }}
                    />
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        ))}
      </Row>

      {data && months.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <MoneyBarChart
            locale={i18n.language}
            height={phone ? 240 : 300}
            categories={months.map(monthLabel)}
            colors={['#1677ff', '#91caff', '#ffd591', '#52c41a']}
            series={[
              { name: t('columns.forecast'), values: data.total.map((f) => f.forecast) },
              { name: t('columns.commit'), values: data.total.map((f) => f.commit) },
              { name: t('columns.bestCase'), values: data.total.map((f) => f.bestCase) },
              { name: t('columns.won'), values: data.total.map((f) => f.won) },
            ]}
          />
        </div>
      )}

      {months.length > 1 && (
        <Segmented
          value={month}
          onChange={(v) => lp.update({ month: v })}
          options={months.map((m) => ({ value: m, label: monthLabel(m) }))}
          style={{ marginBottom: 12 }}
        />
      )}

      {deptRows.length > 0 && (
        <>
          <Typography.Title level={5}>{t('forecast.byDepartment')}</Typography.Title>
          <Table<DeptRow>
            rowKey="key"
            size="middle"
            columns={deptColumns}
            dataSource={deptRows}
            loading={isFetching}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: 'max-content' }}
            style={{ marginBottom: 24 }}
            data-testid="forecast-departments"
          />
        </>
      )}

      <Typography.Title level={5}>{t('forecast.byRep')}</Typography.Title>
      <Table<RepRow>
        rowKey="ownerId"
        size="middle"
        columns={repColumns}
        dataSource={data?.reps.items}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('forecast.empty')} /> }}
        onChange={(p) => lp.update({ page: p.current, pageSize: p.pageSize, month })}
        pagination={reportPagination(lp, data?.reps.total)}
        data-testid="forecast-reps"
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
        {t('forecast.hint', { threshold: data?.threshold ?? 70 })}
      </Typography.Paragraph>
      <AdjustmentModal target={adjusting} monthLabel={month ? monthLabel(month) : ''} onClose={() => setAdjusting(null)} />
    </div>
  );
}
