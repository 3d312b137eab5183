import {
  AuditOutlined,
  CalendarOutlined,
  CarOutlined,
  CheckCircleOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  CommentOutlined,
  FileProtectOutlined,
  FlagOutlined,
  FundOutlined,
  ShoppingCartOutlined,
  StopOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Button, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../shared/format.js';
import { formatDateTime } from '../../shared/dates.js';
import { type TimelineItem, useCustomerTimeline } from './api.js';
import { isFollowUpType, TYPE_META } from './follow-up-types.js';
import { QuickFollowUpButton } from './quick-follow-up.js';

const TASK_COLOR = '#fa8c16';
const OTHER_COLOR = '#8c8c8c';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function Dot({ color, icon }: { color: string; icon: ReactNode }) {
  // The timeline's icon slot is narrow: a coloured glyph on white, masking the rail behind it.
  return <span style={{ color, fontSize: 16, lineHeight: 1, background: '#fff', paddingBlock: 2, display: 'inline-block' }}>{icon}</span>;
}

/** The first line of every entry: what kind of thing happened, who did it, when. */
function EntryHead({
  label,
  color,
  extra,
  actor,
  at,
}: {
  label: string;
  color: string;
  extra?: ReactNode;
  actor: string | null;
  at: string;
}) {
  const { i18n } = useTranslation();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 8, rowGap: 2 }}>
      <Typography.Text strong style={{ color }}>
        {label}
      </Typography.Text>
      {extra}
      {actor && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          <UserOutlined style={{ marginInlineEnd: 3 }} />
          {actor}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto', whiteSpace: 'nowrap' }}>
        {formatDateTime(at, i18n.language)}
      </Typography.Text>
    </div>
  );
}

const bodyStyle = { whiteSpace: 'pre-wrap', margin: '4px 0 0', wordBreak: 'break-word' } as const;

const DOCUMENT_ICONS: Record<string, ReactNode> = {
  contract: <FileProtectOutlined />,
  contract_progress: <FlagOutlined />,
  approval: <AuditOutlined />,
};

/** Contracts, progress on them and approval actions (Q3–Q5): colour, icon and where the entry leads. */
function documentLook(item: TimelineItem): { color: string; icon: ReactNode; link: string } | null {
  const m = item.meta;
  if (item.type === 'contract') {
    const color = m.status === 'effective' ? '#52c41a' : m.status === 'in_approval' ? '#1677ff' : OTHER_COLOR;
    return { color, icon: DOCUMENT_ICONS.contract, link: `/contracts/${item.id}` };
  }
  if (item.type === 'contract_progress')
    return { color: '#13c2c2', icon: DOCUMENT_ICONS.contract_progress, link: `/contracts/${str(m.contractId)}` };
  if (item.type === 'order' || item.type === 'delivery')
    return {
      color: '#fa8c16',
      icon: item.type === 'order' ? <ShoppingCartOutlined /> : <CarOutlined />,
      link: `/orders/${str(m.orderId)}`,
    };
  if (item.type === 'approval') {
    const color = m.kind === 'approve' || m.kind === 'approved' ? '#52c41a' : m.kind === 'reject' ? '#ff4d4f' : '#1677ff';
    return { color, icon: DOCUMENT_ICONS.approval, link: `/approvals/${str(m.requestId)}` };
  }
  return null;
}

function useEntry() {
  const { t, i18n } = useTranslation('followUps');
  const typeLabel = (type: string) => t(`timeline.types.${type}`, { defaultValue: type });

  return (item: TimelineItem): { color: string; icon: ReactNode; content: ReactNode } => {
    const m = item.meta;
    if (item.type === 'follow_up') {
      const ft = isFollowUpType(m.followUpType) ? m.followUpType : isFollowUpType(item.title) ? item.title : 'note';
      const meta = TYPE_META[ft];
      const contact = str(m.contactName);
      const outcome = str(m.outcome);
      const next = str(m.nextFollowUpDate);
      const deal = str(m.opportunityName);
      return {
        color: meta.color,
        icon: <Dot color={meta.color} icon={meta.icon} />,
        content: (
          <div data-testid="timeline-item" data-type={item.type}>
            <EntryHead
              label={t(`types.${ft}`)}
              color={meta.color}
              actor={item.actorName}
              at={item.at}
              extra={
                contact && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('timeline.with', { name: contact })}
                  </Typography.Text>
                )
              }
            />
            {item.body && <Typography.Paragraph style={bodyStyle}>{item.body}</Typography.Paragraph>}
            {(outcome || next || deal) && (
              <Space size={[8, 4]} wrap style={{ marginTop: 6 }}>
                {deal && (
                  <Tag icon={<FundOutlined />} variant="outlined" style={{ marginInlineEnd: 0 }}>
                    <Link to={`/opportunities/${str(m.opportunityId)}`}>{deal}</Link>
                  </Tag>
                )}
                {outcome && (
                  <Typography.Text style={{ fontSize: 13 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('timeline.outcome')}
                    </Typography.Text>
                    {outcome}
                  </Typography.Text>
                )}
                {next && (
                  <Tag icon={<CalendarOutlined />} color="processing" variant="outlined" style={{ marginInlineEnd: 0 }}>
                    {t('timeline.next', { date: next })}
                  </Tag>
                )}
              </Space>
            )}
          </div>
        ),
      };
    }
    if (item.type === 'task') {
      const status = str(m.status);
      const dueAt = str(m.dueAt);
      const done = status === 'done';
      const cancelled = status === 'cancelled';
      const color = done ? '#52c41a' : cancelled ? OTHER_COLOR : TASK_COLOR;
      return {
        color,
        icon: <Dot color={color} icon={done ? <CheckCircleOutlined /> : cancelled ? <StopOutlined /> : <CheckSquareOutlined />} />,
        content: (
          <div data-testid="timeline-item" data-type={item.type}>
            <EntryHead
              label={typeLabel('task')}
              color={color}
              actor={item.actorName}
              at={item.at}
              extra={
                status && (
                  <Tag
                    color={done ? 'success' : cancelled ? 'default' : status === 'in_progress' ? 'processing' : 'warning'}
                    style={{ marginInlineEnd: 0 }}
                  >
                    {t(`timeline.taskStatus.${status}`, { defaultValue: status })}
                  </Tag>
                )
              }
            />
            <Typography.Paragraph strong delete={cancelled} style={{ ...bodyStyle, marginTop: 4 }}>
              {item.title}
            </Typography.Paragraph>
            {item.body && (
              <Typography.Paragraph type="secondary" style={{ ...bodyStyle, fontSize: 13 }}>
                {item.body}
              </Typography.Paragraph>
            )}
            {dueAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <ClockCircleOutlined style={{ marginInlineEnd: 4 }} />
                {t('timeline.taskDue', { time: formatDateTime(dueAt, i18n.language) })}
              </Typography.Text>
            )}
          </div>
        ),
      };
    }
    if (item.type === 'opportunity') {
      const meta = item.meta as { amount: string; probability: number; status: string; stageLabels: Record<string, string> };
      const color = meta.status === 'won' ? '#52c41a' : meta.status === 'lost' ? OTHER_COLOR : '#1677ff';
      return {
        color,
        icon: <Dot color={color} icon={<FundOutlined />} />,
        content: (
          <div data-testid="timeline-item" data-type={item.type}>
            <EntryHead label={typeLabel(item.type)} color={color} actor={item.actorName} at={item.at} />
            <Typography.Paragraph strong style={bodyStyle}>
              <Link to={`/opportunities/${item.id}`}>{item.title}</Link>
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('timeline.opportunityStage', {
                stage: meta.stageLabels[i18n.language] ?? meta.stageLabels['zh-CN'],
                amount: formatMoney(meta.amount),
                probability: meta.probability,
              })}
            </Typography.Text>
          </div>
        ),
      };
    }
    const doc = documentLook(item);
    if (doc) {
      const status = item.type === 'contract' ? str(m.status) : null;
      return {
        color: doc.color,
        icon: <Dot color={doc.color} icon={doc.icon} />,
        content: (
          <div data-testid="timeline-item" data-type={item.type}>
            <EntryHead
              label={typeLabel(item.type)}
              color={doc.color}
              actor={item.actorName}
              at={item.at}
              extra={
                status && (
                  <Tag style={{ marginInlineEnd: 0 }}>
                    {t(`timeline.contractStatus.${status}`, { defaultValue: str(m.statusLabel) ?? status })}
                    {str(m.amount) && ` · ${formatMoney(str(m.amount))}`}
                  </Tag>
                )
              }
            />
            <Typography.Paragraph strong style={bodyStyle}>
              <Link to={doc.link}>{item.title}</Link>
            </Typography.Paragraph>
            {item.body && (
              <Typography.Paragraph type="secondary" style={{ ...bodyStyle, fontSize: 13 }}>
                {item.body}
              </Typography.Paragraph>
            )}
          </div>
        ),
      };
    }
    // A type this page does not know yet (payments …) still shows its title and text.
    return {
      color: OTHER_COLOR,
      icon: <Dot color={OTHER_COLOR} icon={<CommentOutlined />} />,
      content: (
        <div data-testid="timeline-item" data-type={item.type}>
          <EntryHead label={typeLabel(item.type)} color="#595959" actor={item.actorName} at={item.at} />
          <Typography.Paragraph strong style={bodyStyle}>
            {item.title}
          </Typography.Paragraph>
          {item.body && (
            <Typography.Paragraph type="secondary" style={{ ...bodyStyle, fontSize: 13 }}>
              {item.body}
            </Typography.Paragraph>
          )}
        </div>
      ),
    };
  };
}

/**
 * C8: the customer 360 动态 tab — follow-ups, tasks and whatever other domains add, newest first,
 * filtered by type and paged back in time.
 */
export function CustomerTimeline({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation('followUps');
  const [selected, setSelected] = useState<string[]>([]);
  const { data, isLoading, isError, error, refetch, fetchNextPage, hasNextPage, isFetchingNextPage, isFetching, isPlaceholderData } =
    useCustomerTimeline(customer.id, selected);
  const entry = useEntry();

  const types = data?.pages[0]?.types ?? [];
  const seen = new Set<string>();
  const items = (data?.pages ?? [])
    .flatMap((p) => p.items)
    .filter((i) => {
      const key = `${i.type}:${i.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });

  const toggle = (type: string, checked: boolean) =>
    setSelected((s) => (checked ? [...s.filter((x) => x !== type), type] : s.filter((x) => x !== type)));
  const typeIcon = (type: string) =>
    type === 'follow_up' ? (
      <CommentOutlined />
    ) : type === 'task' ? (
      <CheckSquareOutlined />
    ) : (
      (DOCUMENT_ICONS[type] ?? <ClockCircleOutlined />)
    );

  return (
    <div style={{ paddingTop: 8 }} data-testid="customer-timeline">
      {types.length > 1 && (
        <Space size={[4, 8]} wrap style={{ marginBottom: 16 }} data-testid="timeline-filters">
          <Tag.CheckableTag checked={selected.length === 0} onChange={() => setSelected([])} style={{ border: '1px solid #d9d9d9' }}>
            {t('timeline.all')}
          </Tag.CheckableTag>
          {types.map((type) => (
            <Tag.CheckableTag
              key={type}
              checked={selected.includes(type)}
              onChange={(checked) => toggle(type, checked)}
              icon={typeIcon(type)}
              style={{ border: '1px solid #d9d9d9' }}
            >
              {t(`timeline.types.${type}`, { defaultValue: type })}
            </Tag.CheckableTag>
          ))}
        </Space>
      )}

      {isLoading ? (
        <Skeleton active avatar paragraph={{ rows: 3 }} />
      ) : isError && items.length === 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('timeline.loadFailed')}
          description={error instanceof Error ? error.message : undefined}
          action={<Button onClick={() => void refetch()}>{t('common:actions.reload')}</Button>}
        />
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            selected.length ? (
              t('timeline.emptyFiltered')
            ) : (
              <Space orientation="vertical" size={4}>
                <Typography.Text>{t('timeline.empty')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('timeline.emptyHint')}
                </Typography.Text>
              </Space>
            )
          }
        >
          {!selected.length && <QuickFollowUpButton customer={customer} type="primary" testId="followup-quick-add-timeline" />}
        </Empty>
      ) : (
        <div style={{ opacity: isFetching && isPlaceholderData ? 0.5 : 1, transition: 'opacity .2s' }}>
          <Timeline
            items={items.map((item) => {
              const e = entry(item);
              return { key: `${item.type}:${item.id}`, color: e.color, icon: e.icon, content: e.content };
            })}
          />
          <div style={{ textAlign: 'center', marginTop: 4 }}>
            {hasNextPage ? (
              <Button onClick={() => void fetchNextPage()} loading={isFetchingNextPage} data-testid="timeline-more">
                {t('timeline.loadMore')}
              </Button>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('timeline.noMore')}
              </Typography.Text>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
