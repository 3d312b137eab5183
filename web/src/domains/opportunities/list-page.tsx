import { WarningOutlined } from '@ant-design/icons';
import { Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { formatDate } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import { type ListColumn, ListCard, ListHeader, ListTable, useListPage } from '../../shared/list-kit/index.js';
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
  const list = useListPage({ name: 'opportunity', filters: [...OPPORTUNITY_FILTERS, 'stageId', 'status'], exports: 'opportunities' });
  const stageLabel = useStageLabel();
  const source = usePicklist('opportunity_source');
  const pipelines = usePipelines();
  const [creating, setCreating] = useState(false);
  const stageId = list.text('stageId');
  const status = list.text('status');
  const query = useOpportunities({ ...opportunityQuery(list), stageId, status, ...list.paging });
  const pipelineId = list.text('pipelineId');
  const stages = (pipelines.data?.items ?? []).filter((p) => (pipelineId ? p.id === pipelineId : true)).flatMap((p) => p.stages);
  const stalledView = list.text('stalled') === 'true';
  const create = { label: t('board.new'), onClick: () => setCreating(true), allowed: can('opportunities', 'create') };

  const columns: ListColumn<Opportunity>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      fixed: 'left',
      width: 220,
      sortable: true,
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
      sortable: true,
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
      sortable: true,
      render: (_, o) => o.expectedCloseDate ?? '—',
    },
    {
      key: 'stageEnteredAt',
      title: t('fields.daysInStage'),
      width: 110,
      sortable: true,
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
      sortable: true,
      render: (_, o) => formatDate(o.updatedAt),
    },
  ];

  return (
    <>
      <ListHeader
        list={list}
        title={stalledView ? t('list.stalledTitle') : t('list.title')}
        count={query.data && t('list.count', { total: query.data.total })}
        extra={<ViewSwitch current="list" />}
        create={create}
      />
      <ListCard>
        <OpportunityFilterBar lp={list} />
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('fields.stage')}
            value={stageId}
            onChange={(v) => list.update({ stageId: v })}
            options={stages.map((s) => ({ value: s.id, label: stageLabel(s.labels) }))}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            placeholder={t('fields.status')}
            value={status}
            onChange={(v) => list.update({ status: v })}
            options={(['open', 'won', 'lost'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
            style={{ width: 140 }}
          />
        </Space>
        <ListTable<Opportunity>
          list={list}
          query={query}
          columns={columns}
          card={{ title: 'name', subtitle: ['customer', 'amount', 'stage', 'expectedCloseDate', 'owner'] }}
          empty={{ text: t('list.empty'), create }}
          errorTitle={t('list.loadFailed')}
          onRowClick={(o) => navigate(`/opportunities/${o.id}`)}
        />
      </ListCard>
      <OpportunityFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(o) => navigate(`/opportunities/${o.id}`)} />
    </>
  );
}
