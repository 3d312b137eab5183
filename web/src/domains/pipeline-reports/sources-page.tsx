import { Card, Col, Empty, Grid, Progress, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../shared/filter-bar.js';
import { formatMoney } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { reportPagination } from '../../shared/report-filters.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type IndustriesReport, type SourcesReport, useIndustries, useSources } from './api.js';
import { MoneyBarChart } from './charts.js';
import { ReportDownload } from './report-download.js';
import { DayRangePicker, ReportFilters, useDayRange, useReportFilters, useSourceLabel } from './report-filters.js';

type SourceRow = SourcesReport['items'][number];
type IndustryCell = IndustriesReport['team'][number];
type RepRow = IndustriesReport['reps']['items'][number];

const money = (v: string) => <span className="money">{formatMoney(v)}</span>;

/** O8: 来源与行业 — where opportunities come from and how they end, and which industries each rep wins. */
export function SourcesPage() {
  const { t } = useTranslation('pipelineReports');
  const { filters, category } = useReportFilters();
  const range = useDayRange(365);
  const query = { ...filters, category, from: range.from, to: range.to };
  return (
    <>
      <PageHeader title={t('sources.title')} sub={t('sources.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <ReportFilters pipeline="optional" category>
          <Col>
            <DayRangePicker range={range} testId="sources-period" />
          </Col>
          <Col>
            <ReportDownload report="sources" query={query} />
          </Col>
        </ReportFilters>
        <SourcesTable query={query} />
      </Card>
      <Card title={t('industries.title')} extra={<ReportDownload report="industries" query={query} />}>
        <IndustriesTable query={query} />
      </Card>
    </>
  );
}

function SourcesTable({ query }: { query: Record<string, string | undefined> }) {
  const { t, i18n } = useTranslation('pipelineReports');
  const phone = !Grid.useBreakpoint().md;
  const sourceLabel = useSourceLabel();
  const { data, isFetching, isError, error, refetch } = useSources(query);
  const name = (s: string | null) => sourceLabel(s) ?? t('sources.none');
  const columns: ColumnsType<SourceRow> = [
    { key: 'source', title: t('columns.source'), render: (_, r) => name(r.source) },
    { key: 'count', title: t('sources.count'), align: 'right', dataIndex: 'count' },
    { key: 'amount', title: t('columns.amount'), align: 'right', render: (_, r) => money(r.amount) },
    {
      key: 'won',
      title: t('sources.won'),
      align: 'right',
      render: (_, r) => (
        <Space size={4}>
          {money(r.wonAmount)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ({r.wonCount})
          </Typography.Text>
        </Space>
      ),
      responsive: ['md'],
    },
    { key: 'lost', title: t('sources.lost'), align: 'right', dataIndex: 'lostCount', responsive: ['lg'] },
    {
      key: 'winRate',
      title: t('sources.winRate'),
      render: (_, r) =>
        r.winRate === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Progress percent={r.winRate} size="small" format={(p) => `${p}%`} style={{ minWidth: 110, marginBottom: 0 }} />
        ),
    },
    {
      key: 'cycle',
      title: t('sources.cycle'),
      align: 'right',
      render: (_, r) => (r.avgCycleDays === null ? '—' : t('days', { count: r.avgCycleDays })),
      responsive: ['md'],
    },
  ];
  return (
    <>
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      {data && data.items.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <MoneyBarChart
            locale={i18n.language}
            height={phone ? 240 : 280}
            categories={data.items.map((r) => name(r.source))}
            colors={['#91caff', '#52c41a']}
            series={[
              { name: t('columns.amount'), values: data.items.map((r) => r.amount) },
              { name: t('sources.won'), values: data.items.map((r) => r.wonAmount) },
            ]}
          />
        </div>
      )}
      <Table<SourceRow>
        rowKey={(r) => r.source ?? ''}
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('sources.empty')} /> }}
        data-testid="sources-table"
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
        {t('sources.hint')}
      </Typography.Paragraph>
    </>
  );
}

function IndustriesTable({ query }: { query: Record<string, string | undefined> }) {
  const { t } = useTranslation('pipelineReports');
  const { lp } = useReportFilters();
  const industries = usePicklist('industry');
  const { data, isFetching, isError, error, refetch } = useIndustries({ ...query, page: lp.page, pageSize: lp.pageSize });
  // One column per industry that appears, the team's biggest first.
  const columnsOf = (data?.team ?? []).map((c) => c.industry);
  const cell = (c: IndustryCell | undefined) =>
    c ? (
      <Space orientation="vertical" size={0} style={{ textAlign: 'right' }}>
        <Typography.Text type={c.wonCount > 0 ? 'success' : 'secondary'} className="money">
          {t('industries.signed', { count: c.wonCount, amount: formatMoney(c.wonAmount) })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('industries.opportunities', { count: c.count, amount: formatMoney(c.amount) })}
        </Typography.Text>
      </Space>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  const find = (cells: IndustryCell[], industry: string | null) => cells.find((c) => c.industry === industry);
  const columns: ColumnsType<RepRow> = [
    { key: 'owner', title: t('columns.owner'), dataIndex: 'ownerName', fixed: 'left' },
    ...columnsOf.map((industry) => ({
      key: industry ?? 'none',
      title: industry ? industries.label(industry) : t('industries.none'),
      align: 'right' as const,
      render: (_: unknown, r: RepRow) => cell(find(r.cells, industry)),
    })),
  ];
  return (
    <>
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      <Table<RepRow>
        rowKey="ownerId"
        size="middle"
        columns={columns}
        dataSource={data?.reps.items}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('industries.empty')} /> }}
        summary={() =>
          data && data.reps.items.length > 1 ? (
            <Table.Summary.Row style={{ background: '#fafafa' }}>
              <Table.Summary.Cell index={0}>{t('industries.team')}</Table.Summary.Cell>
              {columnsOf.map((industry, i) => (
                <Table.Summary.Cell key={industry ?? 'none'} index={i + 1} align="right">
                  {cell(find(data.team, industry))}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : undefined
        }
        onChange={(p) => lp.update({ page: p.current, pageSize: p.pageSize })}
        pagination={reportPagination(lp, data?.reps.total)}
        data-testid="industries-table"
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
        {t(data?.industrySource === 'lead' ? 'industries.hintLead' : 'industries.hint')}
      </Typography.Paragraph>
    </>
  );
}
