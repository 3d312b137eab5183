import { AGING_BUCKETS, AGING_GROUPS, type AgingGroup, type AgingRow } from '@contracts/money-reports.js';
import { Card, Col, DatePicker, Empty, Row, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { companyToday, dateFromPicker, dateToPicker, isBusinessDate } from '../../shared/dates.js';
import { LoadError } from '../../shared/filter-bar.js';
import { formatMoney } from '../../shared/format.js';
import { PAGE_SIZES } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { useAging } from './api.js';
import { BUCKET_COLORS, StackedBarChart } from './money-charts.js';
import { MoneyFilters, ReportDownload, useMoneyFilters } from './money-filters.js';

const money = (v: string) => <span className="money">{formatMoney(v)}</span>;
const CHART_ROWS = 15;

/** M1 (seed 002): 应收账龄 — what is still owed as of a day, by days past due, per rep, department or customer. */
export function AgingPage() {
  const { t, i18n } = useTranslation('moneyReports');
  const { lp, filters } = useMoneyFilters();
  const { me } = useAuth();
  // A rep's receivables are his own: no department view.
  const groups = AGING_GROUPS.filter((g) => g !== 'department' || me?.scope !== 'own');
  const groupBy = (groups as readonly string[]).includes(lp.text('group') ?? '') ? (lp.text('group') as AgingGroup) : 'owner';
  const rawAsOf = lp.text('asOf');
  const asOf = isBusinessDate(rawAsOf) ? rawAsOf : companyToday();
  const paged = groupBy === 'customer';
  const query = { ...filters, groupBy, asOf, ...(paged ? { page: lp.page, pageSize: lp.pageSize } : {}) };
  const { data, isFetching, isError, error, refetch } = useAging(query);
  const bucketLabel = (b: (typeof AGING_BUCKETS)[number]) => t(`aging.buckets.${b}`);

  const columns: ColumnsType<AgingRow> = [
    {
      key: 'name',
      title: t(`aging.name.${groupBy}`),
      fixed: 'left',
      render: (_, r) => <span style={{ paddingLeft: r.depth * 16 }}>{r.name}</span>,
    },
    ...AGING_BUCKETS.map((b) => ({
      key: b,
      title: bucketLabel(b),
      align: 'right' as const,
      render: (_: unknown, r: AgingRow) =>
        b !== 'notDue' && r[b] !== '0.00' ? (
          <Typography.Text type={b === 'over90' ? 'danger' : undefined}>{money(r[b])}</Typography.Text>
        ) : (
          money(r[b])
        ),
    })),
    { key: 'overdue', title: t('aging.overdue'), align: 'right', render: (_, r) => <strong>{money(r.overdue)}</strong> },
    { key: 'total', title: t('aging.total'), align: 'right', render: (_, r) => <strong>{money(r.total)}</strong> },
  ];
  // The chart shows the biggest debtors (departments: the top level and the one below it).
  const chartRows = (data?.rows ?? []).filter((r) => groupBy !== 'department' || r.depth <= 1).slice(0, CHART_ROWS);

  return (
    <>
      <PageHeader title={t('aging.title')} sub={t('aging.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="middle">
          <Col>
            <Segmented
              value={groupBy}
              onChange={(v) => lp.update({ group: v === 'owner' ? undefined : v })}
              options={groups.map((g) => ({ value: g, label: t(`aging.groupBy.${g}`) }))}
              data-testid="aging-group"
            />
          </Col>
          <Col>
            <DatePicker
              allowClear={false}
              value={dateToPicker(asOf)}
              onChange={(v) => lp.update({ asOf: dateFromPicker(v) === companyToday() ? undefined : (dateFromPicker(v) ?? undefined) })}
              aria-label={t('filters.asOf')}
              prefix={<Typography.Text type="secondary">{t('filters.asOf')}</Typography.Text>}
              data-testid="aging-as-of"
            />
          </Col>
          <MoneyFilters>
            <Col>
              <ReportDownload path="receivables-aging" module="receivables" query={query} />
            </Col>
          </MoneyFilters>
        </Row>
        {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
        {chartRows.length > 0 && (
          <>
            <Typography.Text type="secondary">{t('aging.chartTop', { count: chartRows.length })}</Typography.Text>
            <StackedBarChart
              locale={i18n.language}
              names={chartRows.map((r) => r.name)}
              colors={BUCKET_COLORS}
              series={AGING_BUCKETS.map((b) => ({ name: bucketLabel(b), values: chartRows.map((r) => r[b]) }))}
            />
          </>
        )}
        <Table<AgingRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.rows}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('aging.empty')} /> }}
          summary={() =>
            data && data.rows.length > 0 ? (
              <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{t('aging.totals')}</Table.Summary.Cell>
                {[...AGING_BUCKETS, 'overdue' as const, 'total' as const].map((b, i) => (
                  <Table.Summary.Cell key={b} index={i + 1} align="right">
                    {money(data.totals[b])}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : undefined
          }
          onChange={(p) => lp.update({ page: p.current, pageSize: p.pageSize })}
          pagination={
            paged
              ? {
                  current: lp.page,
                  pageSize: lp.pageSize,
                  total: data?.count,
                  pageSizeOptions: PAGE_SIZES,
                  showSizeChanger: true,
                  hideOnSinglePage: true,
                }
              : false
          }
          data-testid="aging-table"
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
          {t('aging.hint')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
