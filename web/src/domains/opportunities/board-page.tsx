import { MoreOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, Empty, Segmented, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { ExportButton } from '../../shared/export-button.js';
import { LoadError } from '../../shared/filter-bar.js';
import { formatMoney, formatWan } from '../../shared/format.js';
import { useListParams } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { type Board, type BoardCard, opportunityKeys, useBoard, useMoveStage } from './api.js';
import { LostModal } from './lost-modal.js';
import { OpportunityFilterBar, opportunityQuery } from './opportunity-filters.js';
import { OpportunityFormDrawer } from './opportunity-form.js';
import { useStageLabel } from './stage-label.js';

type Column = Board['columns'][number];

/** Switches between the board and the list, keeping the filters in the URL. */
export function ViewSwitch({ current }: { current: 'board' | 'list' }) {
  const { t } = useTranslation('opportunities');
  const navigate = useNavigate();
  return (
    <Segmented
      value={current}
      onChange={(v) => navigate({ pathname: v === 'board' ? '/opportunities' : '/opportunities/list', search: window.location.search })}
      options={[
        { value: 'board', label: t('board.kanban') },
        { value: 'list', label: t('board.list') },
      ]}
    />
  );
}

/** O3: the pipeline as a kanban board; a card dragged to another column moves the deal's stage. */
export function BoardPage() {
  const { t, i18n } = useTranslation('opportunities');
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const lp = useListParams();
  const navigate = useNavigate();
  const stageLabel = useStageLabel();
  const query = { ...opportunityQuery(lp), perColumn: 20 };
  const board = useBoard(query);
  const move = useMoveStage();
  const [creating, setCreating] = useState<{ stageId?: string } | null>(null);
  const [losing, setLosing] = useState<{ card: BoardCard; stageId: string } | null>(null);
  const [dragOver, setDragOver] = useState<string | null>(null);
  const editable = can('opportunities', 'edit');

  const cardById = (id: string) => board.data?.columns.flatMap((c) => c.cards).find((c) => c.id === id);

  /** Shows the card in its new column at once; the server's answer (or a refetch) settles the totals. */
  const moveLocally = (card: BoardCard, stageId: string) =>
    qc.setQueryData<Board>(opportunityKeys.board(query), (old) =>
      old
        ? {
            ...old,
            columns: old.columns.map((c) => ({
              ...c,
              cards: c.stage.id === stageId ? [card, ...c.cards.filter((x) => x.id !== card.id)] : c.cards.filter((x) => x.id !== card.id),
            })),
          }
        : old,
    );

  const doMove = async (card: BoardCard, stage: Column['stage'], lost?: { lostReason: string; lostNote: string | null }) => {
    const before = qc.getQueryData<Board>(opportunityKeys.board(query));
    moveLocally(card, stage.id);
    try {
      await move.mutateAsync({ id: card.id, stageId: stage.id, version: card.version, ...lost });
      message.success(t('board.moved', { stage: stageLabel(stage.labels) }));
    } catch (e) {
      if (before) qc.setQueryData(opportunityKeys.board(query), before);
      if (isVersionConflict(e)) conflict(() => void board.refetch());
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };

  /** Lost asks why first; every other stage moves at once. */
  const moveCard = (card: BoardCard, stage: Column['stage']) => {
    if (stage.kind === 'lost') setLosing({ card, stageId: stage.id });
    else void doMove(card, stage);
  };

  const onDrop = (e: DragEvent, column: Column) => {
    e.preventDefault();
    setDragOver(null);
    const card = cardById(e.dataTransfer.getData('text/plain'));
    if (!card || column.cards.some((c) => c.id === card.id)) return;
    moveCard(card, column.stage);
  };

  const totals = board.data?.openTotals;
  return (
    <>
      <PageHeader
        title={t('board.title')}
        sub={
          totals
            ? t('board.sub', {
                count: totals.count,
                amount: formatWan(totals.amount, i18n.language),
                weighted: formatWan(totals.weightedAmount, i18n.language),
              })
            : undefined
        }
        extra={
          <Space wrap>
            <ViewSwitch current="board" />
            <ExportButton entity="opportunities" module="opportunities" params={Object.fromEntries(lp.params)} />
            {can('opportunities', 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({})} data-testid="opportunity-new">
                {t('board.new')}
              </Button>
            )}
          </Space>
        }
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <OpportunityFilterBar lp={lp} />
      </Card>
      {board.isError && <LoadError title={t('board.loadFailed')} error={board.error} onRetry={() => void board.refetch()} />}
      {board.isLoading ? (
        <Skeleton active style={{ marginTop: 16 }} />
      ) : (
        <div className="kanban" data-testid="kanban">
          {board.data?.columns.map((column) => (
            // A drop target; the keyboard way to move a deal is the stage bar on its page.
            <section
              key={column.stage.id}
              aria-label={stageLabel(column.stage.labels)}
              className={`kanban-column kanban-${column.stage.kind}${dragOver === column.stage.id ? ' kanban-over' : ''}`}
              data-testid={`column-${column.stage.key}`}
              data-stage={stageLabel(column.stage.labels)}
              onDragOver={(e) => {
                if (!editable) return;
                e.preventDefault();
                setDragOver(column.stage.id);
              }}
              onDragLeave={() => setDragOver((s) => (s === column.stage.id ? null : s))}
              onDrop={(e) => onDrop(e, column)}
            >
              <header className="kanban-column-head">
                <Space size={6}>
                  <Typography.Text strong>{stageLabel(column.stage.labels)}</Typography.Text>
                  <Tag bordered={false}>{column.stage.probability}%</Tag>
                  <Typography.Text type="secondary" data-testid="column-count">
                    {column.count}
                  </Typography.Text>
                </Space>
                <div className="kanban-column-sums">
                  <span data-testid="column-amount" title={formatMoney(column.amount)}>
                    {formatWan(column.amount, i18n.language)}
                  </span>
                  {column.stage.kind === 'open' && (
                    <Typography.Text type="secondary" data-testid="column-weighted" title={formatMoney(column.weightedAmount)}>
                      {t('board.weighted')} {formatWan(column.weightedAmount, i18n.language)}
                    </Typography.Text>
                  )}
                </div>
              </header>
              <div className="kanban-cards">
                {column.cards.length === 0 && (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={column.stage.kind === 'lost' ? t('board.dropLost') : t('board.empty')}
                  />
                )}
                {column.cards.map((card) => (
                  <OpportunityCard
                    key={card.id}
                    card={card}
                    draggable={editable}
                    stages={(board.data?.columns ?? []).map((c) => c.stage).filter((s) => s.id !== column.stage.id)}
                    onMoveTo={editable ? (stage) => moveCard(card, stage) : undefined}
                  />
                ))}
                {column.count > column.cards.length && (
                  <Button
                    type="link"
                    block
                    onClick={() =>
                      navigate(`/opportunities/list?${new URLSearchParams({ ...Object.fromEntries(lp.params), stageId: column.stage.id })}`)
                    }
                  >
                    {t('board.more', { count: column.count - column.cards.length })}
                  </Button>
                )}
                {column.stage.kind === 'open' && can('opportunities', 'create') && (
                  <Button type="text" block icon={<PlusOutlined />} onClick={() => setCreating({ stageId: column.stage.id })}>
                    {t('board.new')}
                  </Button>
                )}
              </div>
            </section>
          ))}
        </div>
      )}
      <OpportunityFormDrawer
        open={creating !== null}
        stageId={creating?.stageId}
        pipelineId={board.data?.pipeline.id}
        onClose={() => setCreating(null)}
      />
      <LostModal
        open={losing !== null}
        name={losing?.card.name}
        pending={move.isPending}
        onCancel={() => setLosing(null)}
        onConfirm={async (lost) => {
          const target = board.data?.columns.find((c) => c.stage.id === losing?.stageId);
          if (losing && target) await doMove(losing.card, target.stage, lost);
          setLosing(null);
        }}
      />
    </>
  );
}

/**
 * One deal on the board. Besides dragging, its ⋯ menu moves it to any other stage: the way on a
 * phone (no drag there) and from the keyboard.
 */
function OpportunityCard({
  card,
  draggable,
  stages,
  onMoveTo,
}: {
  card: BoardCard;
  draggable: boolean;
  stages: Column['stage'][];
  onMoveTo?: (stage: Column['stage']) => void;
}) {
  const { t, i18n } = useTranslation('opportunities');
  const stageLabel = useStageLabel();
  return (
    <article
      className={`kanban-card${card.stalled ? ' kanban-card-stalled' : ''}`}
      draggable={draggable}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', card.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      data-testid="opportunity-card"
      data-name={card.name}
    >
      <div className="kanban-card-head">
        <Link to={`/opportunities/${card.id}`} className="kanban-card-title">
          {card.name}
        </Link>
        {onMoveTo && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: stages.map((s) => ({
                key: s.id,
                label: `${t('detail.moveTo')}「${stageLabel(s.labels)}」`,
                danger: s.kind === 'lost',
              })),
              onClick: ({ key }) => {
                const target = stages.find((s) => s.id === key);
                if (target) onMoveTo(target);
              },
            }}
          >
            <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('detail.moveTo')} data-testid="card-move" />
          </Dropdown>
        )}
      </div>
      <Typography.Text type="secondary" ellipsis className="kanban-card-customer">
        {card.customerName}
      </Typography.Text>
      <div className="kanban-card-money">
        <span title={formatMoney(card.amount)}>{formatWan(card.amount, i18n.language)}</span>
        <Typography.Text type="secondary">{card.probability}%</Typography.Text>
      </div>
      <div className="kanban-card-meta">
        <span>{card.ownerName}</span>
        <span>{card.expectedCloseDate ?? ''}</span>
      </div>
      <div className="kanban-card-meta">
        <span>{t('board.daysInStage', { days: card.daysInStage })}</span>
        {card.stalled && (
          <Tooltip title={t(`stalledReason.${card.stalled}`)}>
            <Tag color="warning" icon={<WarningOutlined />} bordered={false} style={{ marginInlineEnd: 0 }}>
              {t('board.stalled')}
            </Tag>
          </Tooltip>
        )}
      </div>
    </article>
  );
}
