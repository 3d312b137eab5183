import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { ExportButton } from '../../shared/export-button.js';
import { LoadError } from '../../shared/filter-bar.js';
import { formatMoney } from '../../shared/format.js';
import { formatDate } from '../../shared/dates.js';
import { PAGE_SIZES, sortOrderOf, sortParamOf, useListParams } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type Opportunity, useOpportunities, usePipelines } from './api.js';
import { ViewSwitch } from './board-page.js';
import { OPPORTUNITY_FILTERS, OpportunityFilterBar, opportunityQuery } from './opportunity-filters.js';
import { OpportunityFormDrawer } from './opportunity-form.js';
import { useStageLabel } from './stage-label.js';

export const statusColor = { open: 'processing', won: 'success', lost: 'default' } as const;

/** O3 list view: the board's filters plus stage and status, sortable, exportable; `stalled=true` is the manager's stalled list. */
export function OpportunityListPage() {
  const { t } = useTranslation('opportunities');
  const { can } = useAuth();
  const navigate = useNavigate();
  const lp = useListParams();
  const stageLabel = useStageLabel();
  const source = usePicklist('opportunity_source');
  const pipelines = usePipelines();
  const [creating, setCreating] = useState(false);
  const stageId = lp.text('stageId');
  const status = lp.text('status');
  const query = { ...opportunityQuery(lp), stageId, status, page: lp.page, pageSize: lp.pageSize, sort: lp.sort };
  const { data, isFetching, isError, error, refetch } = useOpportunities(query);
  const pipelineId = lp.text('pipelineId');
  const stages = (pipelines.data?.items ?? []).filter((p) => (pipelineId ? p.id === pipelineId : true)).flatMap((p) => p.stages);
  const filtered = [...OPPORTUNITY_FILTERS, 'stageId', 'status'].some((k) => lp.params.has(k));
  const stalledView = lp.text('stalled') === 'true';

  const columns: ColumnsType<Opportunity> = [
    {
      key: 'name',
      title: t('fields.name'),
      fixed: 'left',
      width: 220,
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'name'),
      render: (_, o) => (
        <Space size={4}>
          <Link to={`/opportunities/${o.id}`} onClick={(e) => e.stopPropagation()} style={{ fontWeight: 500 }}>
            {o.name}
          </Link>
          {o.stalled && (
            <Tooltip title={t(`stalledReason.${o.stalled}`)}>
              <WarningOutlined style={{ color: '#faad14' }} aria-label={t('board.stalled')} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'customer',
      title: t('fields.customer'),
      width: 220,
      ellipsis: true,
      render: (_, o) => (
        <Link to={`/customers/${o.customerId}`} onClick={(e) => e.stopPropagation()}>
          {o.customerName}
        </Link>
      ),
    },
    {
      key: 'amount',
      title: t('fields.amount'),
      width: 140,
      align: 'right',
      className: 'money',
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'amount'),
      render: (_, o) => formatMoney(o.amount),
    },
    {
      key: 'stage',
      title: t('fields.stage'),
      width: 130,
      render: (_, o) => <Tag color={statusColor[o.status]}>{stageLabel(o.stage.labels)}</Tag>,
    },
    { key: 'probability', title: t('fields.probability'), width: 80, align: 'right', render: (_, o) => `${o.probability}%` },
    {
      key: 'weighted',
      title: t('fields.weightedAmount'),
      width: 140,
      align: 'right',
      className: 'money',
      render: (_, o) => formatMoney(o.weightedAmount),
    },
    {
      key: 'expectedCloseDate',
      title: t('fields.expectedCloseDate'),
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'expectedCloseDate'),
      render: (_, o) => o.expectedCloseDate ?? '—',
    },
    {
      key: 'stageEnteredAt',
      title: t('fields.daysInStage'),
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'stageEnteredAt'),
      render: (_, o) => (o.status === 'open' ? t('board.daysInStage', { days: o.daysInStage }) : '—'),
    },
    {
      key: 'stalled',
      title: t('board.stalled'),
      width: 140,
      render: (_, o) => (o.stalled ? <Tag color="warning">{t(`stalledReason.${o.stalled}`)}</Tag> : '—'),
    },
    { key: 'source', title: t('fields.source'), width: 110, render: (_, o) => source.label(o.source) },
    { key: 'nextStep', title: t('fields.nextStep'), width: 220, ellipsis: true, render: (_, o) => o.nextStep ?? '—' },
    { key: 'owner', title: t('fields.owner'), width: 90, render: (_, o) => o.ownerName ?? '—' },
    {
      key: 'updatedAt',
      title: t('fields.updatedAt'),
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'updatedAt'),
      render: (_, o) => formatDate(o.updatedAt),
    },
  ];

  return (
    <>
      <PageHeader
        title={stalledView ? t('list.stalledTitle') : t('list.title')}
        sub={data ? t('list.count', { total: data.total }) : undefined}
        extra={
          <Space wrap>
            <ViewSwitch current="list" />
            <ExportButton entity="opportunities" module="opportunities" params={Object.fromEntries(lp.params)} />
            {can('opportunities', 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('board.new')}
              </Button>
            )}
          </Space>
        }
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <OpportunityFilterBar lp={lp} />
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('fields.stage')}
            value={stageId}
            onChange={(v) => lp.update({ stageId: v })}
            options={stages.map((s) => ({ value: s.id, label: stageLabel(s.labels) }))}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            placeholder={t('fields.status')}
            value={status}
            onChange={(v) => lp.update({ status: v })}
            options={(['open', 'won', 'lost'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
            style={{ width: 140 }}
          />
        </Space>
        {isError && <LoadError title={t('list.loadFailed')} error={error} onRetry={() => void refetch()} />}
        <Table<Opportunity>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          onRow={(o) => ({ onClick: () => navigate(`/opportunities/${o.id}`), style: { cursor: 'pointer' } })}
          onChange={(pagination, _f, sorter, extra) => {
            if (extra.action === 'sort') lp.update({ sort: sortParamOf(sorter) });
            else if (extra.action === 'paginate') lp.update({ page: pagination.current, pageSize: pagination.pageSize });
          }}
          pagination={{
            current: data?.page ?? lp.page,
            pageSize: lp.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => t('common:total', { total }),
          }}
          locale={{
            emptyText: isFetching ? (
              <div style={{ height: 120 }} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('list.empty')}>
                {filtered && (
                  <Button onClick={() => lp.clear([...OPPORTUNITY_FILTERS, 'stageId', 'status'])}>{t('common:list.clearFilters')}</Button>
                )}
              </Empty>
            ),
          }}
          data-testid="opportunity-table"
        />
      </Card>
      <OpportunityFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(o) => navigate(`/opportunities/${o.id}`)} />
    </>
  );
}
