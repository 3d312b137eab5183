import { Col, Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../shared/filter-bar.js';
import { formatMoney } from '../../shared/format.js';
import { reportPagination } from '../../shared/report-filters.js';
import { type ForecastAccuracyReport, useForecastAccuracy } from './api.js';
import { ReportDownload } from './report-download.js';
import { MonthRangePicker, ReportFilters, useMonthLabel, useMonthRange, useReportFilters } from './report-filters.js';

type MonthRow = ForecastAccuracyReport['total'][number];
type RepRow = ForecastAccuracyReport['reps']['items'][number];

/** Green from 80 %, orange from 50 %, red below: how far the month ended from what was forecast. */
function AccuracyTag({ value }: { value: number | null }) {
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Tag color={value >= 80 ? 'success' : value >= 50 ? 'warning' : 'error'}>{value}%</Tag>;
}

const money = (v: string | null) => <span className="money">{v === null ? '—' : formatMoney(v)}</span>;

/** O5: what the weekly snapshot forecast as each month began, against what was then signed. */
export function ForecastAccuracyTab() {
  const { t } = useTranslation('pipelineReports');
  const monthLabel = useMonthLabel();
  const { lp, filters } = useReportFilters();
  const range = useMonthRange({ from: -3, to: 0 });
  const query = { ...filters, from: range.from, to: range.to, page: lp.page, pageSize: lp.pageSize };
  const { data, isFetching, isError, error, refetch } = useForecastAccuracy(query);

  const figures = <T extends MonthRow>(): ColumnsType<T> => [
    { key: 'forecast', title: t('accuracy.forecast'), align: 'right', render: (_, r) => money(r.forecast) },
    { key: 'won', title: t('columns.won'), align: 'right', render: (_, r) => money(r.won) },
    {
      key: 'difference',
      title: t('accuracy.difference'),
      align: 'right',
      render: (_, r) =>
        r.difference === null ? (
          '—'
        ) : Number(r.difference) === 0 ? (
          money(r.difference)
        ) : (
          <Typography.Text type={r.difference.startsWith('-') ? 'danger' : 'success'} className="money">
            {r.difference.startsWith('-') ? '' : '+'}
            {formatMoney(r.difference)}
          </Typography.Text>
        ),
    },
    { key: 'accuracy', title: t('accuracy.accuracy'), align: 'right', render: (_, r) => <AccuracyTag value={r.accuracy} /> },
  ];
  const monthColumns: ColumnsType<MonthRow> = [
    { key: 'month', title: t('accuracy.month'), render: (_, r) => monthLabel(r.month) },
    {
      key: 'snapshot',
      title: t('accuracy.snapshot'),
      render: (_, r) =>
        r.snapshotWeek ? (
          t('accuracy.weekOf', { date: r.snapshotWeek })
        ) : (
          <Typography.Text type="secondary">{t('accuracy.noSnapshot')}</Typography.Text>
        ),
      responsive: ['md'],
    },
    ...figures<MonthRow>(),
  ];
  const repColumns: ColumnsType<RepRow> = [
    { key: 'owner', title: t('columns.owner'), dataIndex: 'ownerName' },
    { key: 'month', title: t('accuracy.month'), render: (_, r) => monthLabel(r.month) },
    ...figures<RepRow>(),
  ];

  return (
    <div data-testid="accuracy-tab">
      <ReportFilters>
        <Col>
          <MonthRangePicker range={range} testId="accuracy-months" />
        </Col>
        <Col>
          <ReportDownload report="forecast-accuracy" query={query} />
        </Col>
      </ReportFilters>
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      <Typography.Title level={5}>{t('accuracy.byMonth')}</Typography.Title>
      <Table<MonthRow>
        rowKey="month"
        size="middle"
        columns={monthColumns}
        dataSource={data?.total}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        style={{ marginBottom: 24 }}
        data-testid="accuracy-months-table"
      />
      <Typography.Title level={5}>{t('accuracy.byRep')}</Typography.Title>
      <Table<RepRow>
        rowKey={(r) => `${r.ownerId}|${r.month}`}
        size="middle"
        columns={repColumns}
        dataSource={data?.reps.items}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('accuracy.empty')} /> }}
        onChange={(p) => lp.update({ page: p.current, pageSize: p.pageSize })}
        pagination={reportPagination(lp, data?.reps.total)}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
        {t('accuracy.hint')}
      </Typography.Paragraph>
    </div>
  );
}
