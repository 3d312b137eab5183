import { Alert, Card, Col, Empty, Grid, Row, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../shared/filter-bar.js';
import { PageHeader } from '../../shared/page-header.js';
import { type StageConversionReport, useStageConversion } from './api.js';
import { ConversionChart } from './charts.js';
import { LearnedProbabilitiesCard } from './learned-probabilities-card.js';
import { ReportDownload } from './report-download.js';
import { DayRangePicker, percent, ReportFilters, useDayRange, useReportFilters, useStageLabel } from './report-filters.js';

type StageRow = StageConversionReport['stages'][number];

/** T6: 阶段转化 — where opportunities go from each stage, how long they stay, and the sales cycle. */
export function ConversionPage() {
  const { t } = useTranslation('pipelineReports');
  const phone = !Grid.useBreakpoint().md;
  const stageLabel = useStageLabel();
  const { filters, category } = useReportFilters();
  const range = useDayRange(90);
  const query = { ...filters, category, from: range.from, to: range.to };
  const { data, isFetching, isError, error, refetch } = useStageConversion(query);
  const days = (v: number | null) => (v === null ? '—' : t('days', { count: v }));

  const columns: ColumnsType<StageRow> = [
    { key: 'stage', title: t('columns.stage'), render: (_, s) => stageLabel(s.labels), fixed: phone ? undefined : 'left' },
    { key: 'entered', title: t('conversion.entered'), align: 'right', dataIndex: 'entered' },
    { key: 'advanced', title: t('conversion.advanced'), align: 'right', dataIndex: 'advanced' },
    { key: 'lost', title: t('conversion.lost'), align: 'right', dataIndex: 'lost', responsive: ['md'] },
    { key: 'movedBack', title: t('conversion.movedBack'), align: 'right', dataIndex: 'movedBack', responsive: ['lg'] },
    { key: 'stillThere', title: t('conversion.stillThere'), align: 'right', dataIndex: 'stillThere', responsive: ['lg'] },
    {
      key: 'rate',
      title: t('conversion.rate'),
      align: 'right',
      render: (_, s) => <Typography.Text strong>{percent(s.conversionRate)}</Typography.Text>,
    },
    { key: 'days', title: t('conversion.avgDays'), align: 'right', render: (_, s) => days(s.avgDays) },
  ];

  const cycles = [
    { key: 'all', title: t('conversion.cycleAll'), c: data?.cycle.all },
    { key: 'won', title: t('conversion.cycleWon'), c: data?.cycle.won },
    { key: 'lost', title: t('conversion.cycleLost'), c: data?.cycle.lost },
  ];

  return (
    <>
      <PageHeader title={t('conversion.title')} sub={t('conversion.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <ReportFilters pipeline="single" category>
          <Col>
            <DayRangePicker range={range} testId="conversion-period" />
          </Col>
          <Col>
            <ReportDownload report="stage-conversion" query={query} />
          </Col>
        </ReportFilters>
        {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
        {data && !data.pipelineId && <Alert type="info" showIcon title={t('noPipeline')} style={{ marginBottom: 16 }} />}
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {cycles.map(({ key, title, c }) => (
            <Col key={key} xs={24} sm={8}>
              <Card size="small" variant="borderless" style={{ background: '#fafafa' }} data-testid={`cycle-${key}`}>
                <Statistic
                  title={title}
                  value={c?.avgDays ?? '—'}
                  suffix={c?.avgDays === null || c?.avgDays === undefined ? undefined : t('daysUnit')}
                  loading={isFetching && !data}
                />
                <Typography.Text type="secondary">{t('conversion.closedCount', { count: c?.count ?? 0 })}</Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
        {data?.stages.some((s) => s.entered > 0) && (
          <ConversionChart
            height={phone ? 240 : 300}
            labels={{ rate: t('conversion.rate'), days: t('conversion.avgDays') }}
            stages={data.stages.map((s) => ({ name: stageLabel(s.labels), rate: s.conversionRate, days: s.avgDays }))}
          />
        )}
        <Table<StageRow>
          rowKey="stageId"
          size="middle"
          columns={columns}
          dataSource={data?.stages}
          loading={isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('conversion.empty')} /> }}
          style={{ marginTop: 16 }}
          data-testid="conversion-table"
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
          {t('conversion.hint')}
        </Typography.Paragraph>
      </Card>
      <LearnedProbabilitiesCard />
    </>
  );
}
