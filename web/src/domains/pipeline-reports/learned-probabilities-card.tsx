import { ArrowRightOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { LoadError } from '../../shared/filter-bar.js';
import { type LearnedProbabilities, useApplyLearned, useLearnedProbabilities } from './api.js';
import { ReportDownload } from './report-download.js';
import { DayRangePicker, percent, useDayRange, useReportFilters, useStageLabel } from './report-filters.js';

type StageRow = LearnedProbabilities['stages'][number];

/**
 * Probabilities learned from the company's own history, beside the configured ones; the admin
 * takes them over in one click (each kept within its stage's range).
 */
export function LearnedProbabilitiesCard() {
  const { t } = useTranslation('pipelineReports');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const stageLabel = useStageLabel();
  const { filters } = useReportFilters();
  const range = useDayRange(365, { from: 'lfrom', to: 'lto' });
  const query = { ...filters, from: range.from, to: range.to };
  const { data, isFetching, isError, error, refetch } = useLearnedProbabilities(query);
  const apply = useApplyLearned();
  const isAdmin = me?.permissions.includes('*') ?? false;
  const changes = (data?.stages ?? []).filter((s) => s.suggested !== null && s.suggested !== s.probability);
  // "Use these" sets company-wide defaults: only from the company's whole history, not a filtered slice.
  const filtered = Object.values(filters).some((v) => v && v !== filters.pipelineId);

  const columns: ColumnsType<StageRow> = [
    { key: 'stage', title: t('columns.stage'), render: (_, s) => stageLabel(s.labels) },
    {
      key: 'configured',
      title: t('learned.configured'),
      align: 'right',
      render: (_, s) => (
        <Space orientation="vertical" size={0} style={{ textAlign: 'right' }}>
          <span>{s.probability}%</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('learned.range', { min: s.minProbability, max: s.maxProbability })}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'reached', title: t('learned.reached'), align: 'right', dataIndex: 'reached' },
    { key: 'won', title: t('learned.won'), align: 'right', dataIndex: 'won', responsive: ['md'] },
    {
      key: 'learned',
      title: t('learned.learned'),
      align: 'right',
      render: (_, s) => <Typography.Text strong>{percent(s.learned)}</Typography.Text>,
    },
    {
      key: 'suggested',
      title: t('learned.suggested'),
      align: 'right',
      render: (_, s) =>
        s.suggested === null ? (
          <Typography.Text type="secondary">{s.reached > 0 ? t('learned.tooFew', { min: data?.minSample }) : '—'}</Typography.Text>
        ) : s.suggested === s.probability ? (
          <span>{s.suggested}%</span>
        ) : (
          <Space size={4}>
            <Typography.Text type="secondary">{s.probability}%</Typography.Text>
            <ArrowRightOutlined style={{ fontSize: 11, color: '#8c8c8c' }} />
            <Typography.Text strong style={{ color: '#1677ff' }}>
              {s.suggested}%
            </Typography.Text>
          </Space>
        ),
    },
  ];

  const applyLearned = async () => {
    if (!data?.pipelineId) return;
    try {
      await apply.mutateAsync({ pipelineId: data.pipelineId, from: range.from, to: range.to, minSample: data.minSample });
      message.success(t('learned.applied', { count: changes.length }));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <Card
      title={t('learned.title')}
      extra={
        <Space wrap>
          <DayRangePicker range={range} testId="learned-period" />
          <ReportDownload report="learned-probabilities" query={query} />
        </Space>
      }
      data-testid="learned-card"
    >
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      <Typography.Paragraph type="secondary">
        {t('learned.summary', { closed: data?.closedCount ?? 0, won: data?.wonCount ?? 0 })}
      </Typography.Paragraph>
      <Table<StageRow>
        rowKey="stageId"
        size="middle"
        columns={columns}
        dataSource={data?.stages}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('learned.empty')} /> }}
        data-testid="learned-table"
      />
      {isAdmin && (
        <div style={{ marginTop: 16, display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <Popconfirm
            title={t('learned.confirmTitle')}
            description={t('learned.confirm', { count: changes.length })}
            okText={tc('actions.confirm')}
            cancelText={tc('actions.cancel')}
            onConfirm={applyLearned}
            disabled={changes.length === 0 || filtered}
          >
            <Button type="primary" disabled={changes.length === 0 || filtered} loading={apply.isPending} data-testid="learned-apply">
              {t('learned.apply')}
            </Button>
          </Popconfirm>
          <Typography.Text type="secondary">{filtered ? t('learned.filteredHint') : t('learned.applyHint')}</Typography.Text>
        </div>
      )}
    </Card>
  );
}
