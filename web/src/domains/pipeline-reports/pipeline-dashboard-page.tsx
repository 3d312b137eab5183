import { Card, Col, Empty, Grid, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../shared/filter-bar.js';
import { formatMoney } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { type PipelineTotals, usePipelineTotals } from './api.js';
import { MoneyBarChart } from './charts.js';
import { ReportDownload } from './report-download.js';
import { ReportFilters, useReportFilters, useStageLabel } from './report-filters.js';

type StageRow = PipelineTotals['stages'][number];

const KIND_COLOR = { open: 'processing', won: 'success', lost: 'default' } as const;

/** O6, seed 003's dashboard: 赢单 / 输单 / 进行中 totals, expected revenue, and the same per stage. */
export function PipelineDashboardPage() {
  const { t, i18n } = useTranslation('pipelineReports');
  const phone = !Grid.useBreakpoint().md;
  const stageLabel = useStageLabel();
  const { filters: shared, category } = useReportFilters();
  const filters = { ...shared, category };
  const { data, isFetching, isError, error, refetch } = usePipelineTotals(filters);

  const pipelines = [...new Set((data?.stages ?? []).map((s) => s.pipelineId))];
  const several = pipelines.length > 1;
  const open = (data?.stages ?? []).filter((s) => s.kind === 'open');
  const stageName = (s: StageRow) => (several ? `${s.pipelineName} · ${stageLabel(s.labels)}` : stageLabel(s.labels));

  const cards = [
    { key: 'won', title: t('totals.won'), value: data?.won.amount, count: data?.won.count, color: '#389e0d' },
    { key: 'lost', title: t('totals.lost'), value: data?.lost.amount, count: data?.lost.count, color: '#8c8c8c' },
    { key: 'open', title: t('totals.open'), value: data?.open.amount, count: data?.open.count, color: '#1677ff' },
    { key: 'expected', title: t('totals.expected'), value: data?.open.expectedRevenue, count: undefined, color: '#d46b08' },
  ];

  const columns: ColumnsType<StageRow> = [
    ...(several ? [{ key: 'pipeline', title: t('columns.pipeline'), dataIndex: 'pipelineName', responsive: ['lg' as const] }] : []),
    {
      key: 'stage',
      title: t('columns.stage'),
      render: (_, s) => (
        <span>
          {stageLabel(s.labels)} {s.kind !== 'open' && <Tag color={KIND_COLOR[s.kind]}>{t(`totals.kind.${s.kind}`)}</Tag>}
        </span>
      ),
    },
    { key: 'probability', title: t('columns.probability'), align: 'right', render: (_, s) => `${s.probability}%`, responsive: ['md'] },
    { key: 'count', title: t('columns.count'), align: 'right', dataIndex: 'count' },
    { key: 'amount', title: t('columns.amount'), align: 'right', render: (_, s) => <span className="money">{formatMoney(s.amount)}</span> },
    {
      key: 'expected',
      title: t('columns.expected'),
      align: 'right',
      render: (_, s) => <span className="money">{formatMoney(s.expectedRevenue)}</span>,
    },
  ];

  return (
    <>
      <PageHeader title={t('totals.title')} sub={t('totals.subtitle')} />
      <Card>
        <ReportFilters pipeline="optional" category>
          <Col>
            <ReportDownload report="pipeline-totals" query={filters} />
          </Col>
        </ReportFilters>
        {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {cards.map((c) => (
            <Col key={c.key} xs={12} lg={6}>
              <Card size="small" variant="borderless" style={{ background: '#fafafa' }} data-testid={`totals-${c.key}`}>
                <Statistic
                  title={c.title}
                  value={c.value ? formatMoney(c.value) : '—'}
                  loading={isFetching && !data}
                  styles={{ content: { color: c.color, fontSize: phone ? 18 : 24 } }}
                />
                <Typography.Text type="secondary">
                  {c.count === undefined ? t('totals.expectedHint') : t('totals.count', { count: c.count })}
                </Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
        {open.some((s) => s.count > 0) && (
          <div style={{ marginBottom: 16 }}>
            <Typography.Title level={5}>{t('totals.byStage')}</Typography.Title>
            <MoneyBarChart
              locale={i18n.language}
              height={phone ? 260 : 320}
              categories={open.map(stageName)}
              colors={['#91caff', '#d46b08']}
              series={[
                { name: t('columns.amount'), values: open.map((s) => s.amount) },
                { name: t('columns.expected'), values: open.map((s) => s.expectedRevenue) },
              ]}
            />
          </div>
        )}
        <Table<StageRow>
          rowKey="stageId"
          size="middle"
          columns={columns}
          dataSource={data?.stages}
          loading={isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('totals.empty')} /> }}
          data-testid="totals-stages"
        />
      </Card>
    </>
  );
}
