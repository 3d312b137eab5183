import { RecordPageState } from '../../shared/record-page-state.js';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Statistic,
  Steps,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { formatMoney } from '../../shared/format.js';
import { formatDate, formatDateTime } from '../../shared/dates.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';
import { PageHeader } from '../../shared/page-header.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { OpportunityContracts } from '../contracts/public.js';
import { QuickFollowUpButton } from '../follow-ups/public.js';
import { OpportunityQuotes } from '../quotes/public.js';
import {
  type Opportunity,
  reloadOpportunity,
  useDeleteOpportunity,
  useMoveStage,
  useOpportunity,
  useOpportunityHistory,
  usePipelines,
} from './api.js';
import { statusColor } from './list-page.js';
import { LostModal } from './lost-modal.js';
import { OpportunityFormDrawer } from './opportunity-form.js';
import { useStageLabel } from './stage-label.js';

export function OpportunityDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('opportunities');
  const { data, isLoading, error } = useOpportunity(id);
  if (!data)
    return (
      <RecordPageState
        isLoading={isLoading}
        error={error}
        notFound={t('detail.notFound')}
        back={{ label: t('detail.back'), to: '/opportunities' }}
      />
    );
  return <OpportunityDetail o={data} />;
}

function OpportunityDetail({ o }: { o: Opportunity }) {
  const { t, i18n } = useTranslation('opportunities');
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const stageLabel = useStageLabel();
  const pipelines = usePipelines();
  const source = usePicklist('opportunity_source');
  const lostReason = usePicklist('lost_reason');
  const role = usePicklist('contact_role');
  const move = useMoveStage();
  const del = useDeleteOpportunity();
  const [editing, setEditing] = useState(false);
  const [losingTo, setLosingTo] = useState<string | null>(null);
  const stages = pipelines.data?.items.find((p) => p.id === o.pipelineId)?.stages ?? [];
  const current = stages.findIndex((s) => s.id === o.stage.id);
  const editable = can('opportunities', 'edit');

  const moveTo = async (stageId: string, lost?: { lostReason: string; lostNote: string | null }) => {
    try {
      const saved = await move.mutateAsync({ id: o.id, stageId, version: o.version, ...lost });
      message.success(t('board.moved', { stage: stageLabel(saved.stage.labels) }));
    } catch (e) {
      if (isVersionConflict(e)) conflict(() => void reloadOpportunity(qc, o.id));
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const onStep = (index: number) => {
    const s = stages[index];
    if (!s || s.id === o.stage.id || !editable) return;
    if (s.kind === 'lost') setLosingTo(s.id);
    else void moveTo(s.id);
  };

  const dash = (v: string | null | undefined) => v || '—';
  const items = [
    { key: 'customer', label: t('fields.customer'), children: <Link to={`/customers/${o.customerId}`}>{o.customerName}</Link> },
    { key: 'pipeline', label: t('fields.pipeline'), children: o.pipelineName },
    { key: 'expectedCloseDate', label: t('fields.expectedCloseDate'), children: dash(o.expectedCloseDate) },
    { key: 'source', label: t('fields.source'), children: source.label(o.source) },
    {
      key: 'forecastCategory',
      label: t('fields.forecastCategory'),
      children: o.forecastCategory ? t(`forecast.${o.forecastCategory}`) : '—',
    },
    { key: 'competitors', label: t('fields.competitors'), children: dash(o.competitors) },
    {
      key: 'owner',
      label: t('fields.owner'),
      children: o.ownerDeptName ? `${dash(o.ownerName)}（${o.ownerDeptName}）` : dash(o.ownerName),
    },
    { key: 'stageEnteredAt', label: t('fields.stageEnteredAt'), children: formatDateTime(o.stageEnteredAt, i18n.language) },
    { key: 'lastFollowUpAt', label: t('fields.lastFollowUpAt'), children: formatDateTime(o.lastFollowUpAt, i18n.language) },
    ...(o.status === 'lost'
      ? [
          { key: 'lostReason', label: t('fields.lostReason'), children: lostReason.label(o.lostReason) },
          { key: 'lostNote', label: t('fields.lostNote'), children: dash(o.lostNote) },
        ]
      : []),
    ...(o.closedAt ? [{ key: 'closedAt', label: t('fields.closedAt'), children: formatDateTime(o.closedAt, i18n.language) }] : []),
    { key: 'nextStep', label: t('fields.nextStep'), span: 'filled' as const, children: dash(o.nextStep) },
    {
      key: 'contacts',
      label: t('fields.contacts'),
      span: 'filled' as const,
      children: o.contacts.length ? (
        <Space wrap>
          {o.contacts.map((c) => (
            <Tag key={c.contactId}>{c.role ? `${c.name} · ${role.label(c.role)}` : c.name}</Tag>
          ))}
        </Space>
      ) : (
        '—'
      ),
    },
    {
      key: 'description',
      label: t('fields.description'),
      span: 'filled' as const,
      children: o.description ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{o.description}</Typography.Paragraph>
      ) : (
        '—'
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="opportunity-detail-name">{o.name}</span>
            <Tag color={statusColor[o.status]}>{stageLabel(o.stage.labels)}</Tag>
            {o.stalled && (
              <Tag color="warning" icon={<WarningOutlined />}>
                {t(`stalledReason.${o.stalled}`)}
              </Tag>
            )}
          </Space>
        }
        sub={`${o.customerName} · ${t('board.daysInStage', { days: o.daysInStage })}`}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/opportunities'))}>
              {t('detail.back')}
            </Button>
            <QuickFollowUpButton type="primary" customer={{ id: o.customerId, name: o.customerName }} opportunityId={o.id} />
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="opportunity-edit">
                {t('detail.edit')}
              </Button>
            )}
            {can('opportunities', 'delete') && (
              <Popconfirm
                title={t('detail.deleteConfirm', { name: o.name })}
                okText={t('detail.delete')}
                okButtonProps={{ danger: true, loading: del.isPending }}
                placement="bottomRight"
                onConfirm={async () => {
                  await del.mutateAsync(o.id);
                  message.success(t('detail.deleted'));
                  navigate('/opportunities');
                }}
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t('detail.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />

      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Row gutter={[24, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('fields.amount')} value={formatMoney(o.amount)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('fields.probability')} value={o.probability} suffix="%" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('fields.weightedAmount')} value={formatMoney(o.weightedAmount)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('fields.expectedCloseDate')} value={o.expectedCloseDate ? formatDate(o.expectedCloseDate) : '—'} />
          </Col>
        </Row>
        <Steps
          style={{ marginTop: 24 }}
          size="small"
          current={current}
          status={o.status === 'lost' ? 'error' : o.status === 'won' ? 'finish' : 'process'}
          onChange={editable ? onStep : undefined}
          items={stages.map((s) => ({ title: stageLabel(s.labels), description: `${s.probability}%`, disabled: move.isPending }))}
          data-testid="opportunity-steps"
        />
      </Card>

      <Card variant="borderless" title={t('detail.info')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" items={items} />
      </Card>

      <OpportunityQuotes opportunityId={o.id} />
      <OpportunityContracts opportunityId={o.id} customerId={o.customerId} />

      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            { key: 'stages', label: t('detail.stageHistory'), children: <StageHistoryList id={o.id} /> },
            {
              key: 'history',
              label: t('detail.history'),
              children: (
                <HistoryTimeline
                  plural="opportunities"
                  id={o.id}
                  fieldLabel={(f) => {
                    const key = f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
                    return i18n.exists(`opportunities:fields.${key}`) ? t(`fields.${key}`) : f;
                  }}
                />
              ),
            },
          ]}
        />
      </Card>

      <OpportunityFormDrawer open={editing} opportunity={o} onClose={() => setEditing(false)} />
      <LostModal
        open={losingTo !== null}
        name={o.name}
        pending={move.isPending}
        onCancel={() => setLosingTo(null)}
        onConfirm={async (lost) => {
          if (losingTo) await moveTo(losingTo, lost);
          setLosingTo(null);
        }}
      />
    </>
  );
}

/** O4: each stay in a stage with its probability and amount at the time, and how long it lasted. */
function StageHistoryList({ id }: { id: string }) {
  const { t, i18n } = useTranslation('opportunities');
  const stageLabel = useStageLabel();
  const { data, isLoading, isError, error } = useOpportunityHistory(id);
  if (isLoading) return <Skeleton active />;
  if (isError) return <Alert type="error" showIcon message={error.message} />;
  const stages = data?.stages ?? [];
  if (stages.length === 0) return <Empty description={t('detail.noStageHistory')} />;
  return (
    <Timeline
      style={{ paddingTop: 12 }}
      items={[...stages].reverse().map((s) => ({
        color: s.stageKind === 'won' ? 'green' : s.stageKind === 'lost' ? 'gray' : 'blue',
        children: (
          <div data-testid="stage-history-item">
            <Typography.Text strong>{t('detail.entered', { stage: stageLabel(s.stageLabels) })}</Typography.Text>
            {s.fromStageLabels && (
              <Typography.Text type="secondary"> {t('detail.from', { stage: stageLabel(s.fromStageLabels) })}</Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(s.enteredAt, i18n.language)} · {s.probability}% · {formatMoney(s.amount)} ·{' '}
                {s.leftAt ? t('detail.stayed', { days: s.days }) : t('detail.staying', { days: s.days })}
                {s.changedByName ? ` · ${t('detail.byWhom', { name: s.changedByName })}` : ''}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}
