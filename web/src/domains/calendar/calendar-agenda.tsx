import { Empty, Grid, Space, Tag, Typography } from 'antd';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { companyTime, formatDay } from '../../shared/dates.js';
import type { CalendarEntry } from './api.js';
import { isFinished, isOverdue, KIND_COLORS, STATUS_COLORS, statusLabel } from './calendar-rules.js';

/** Makes a div act as a button (click, Enter or Space) without the cell underneath reacting. */
const activate = (fn: () => void) => ({
  role: 'button',
  tabIndex: 0,
  onClick: (ev: MouseEvent) => {
    ev.stopPropagation();
    fn();
  },
  onKeyDown: (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      ev.stopPropagation();
      fn();
    }
  },
});

/** One line in a month cell: coloured dot, time, title. */
export function EntryLine({ entry: e, onOpen }: { entry: CalendarEntry; onOpen: (e: CalendarEntry) => void }) {
  const { t } = useTranslation('calendar');
  const overdue = isOverdue(e);
  const status = statusLabel(e, t);
  return (
    <div
      {...activate(() => onOpen(e))}
      className="calendar-entry"
      title={[t(`kinds.${e.kind}`), e.title, status, e.ownerName].filter(Boolean).join(' · ')}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 4,
        fontSize: 12,
        lineHeight: '20px',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        cursor: 'pointer',
        color: overdue ? '#cf1322' : undefined,
        opacity: isFinished(e) ? 0.55 : 1,
        textDecoration: e.kind === 'task' && isFinished(e) ? 'line-through' : undefined,
      }}
    >
      <span style={{ flex: 'none', width: 6, height: 6, borderRadius: 3, background: KIND_COLORS[e.kind] }} />
      {e.kind === 'task' && e.at && <span style={{ flex: 'none', color: '#8c8c8c' }}>{companyTime(e.at)}</span>}
      {e.kind === 'next_follow_up' && <span style={{ flex: 'none', color: '#8c8c8c' }}>{t('followUpShort')}</span>}
      {e.kind === 'opportunity_close' && <span style={{ flex: 'none', color: '#8c8c8c' }}>{t('closeShort')}</span>}
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{e.title}</span>
    </div>
  );
}

/** On a phone's small month grid: one dot per kind present that day. */
export function DayDots({ entries }: { entries: CalendarEntry[] }) {
  const kinds = [...new Set(entries.map((e) => e.kind))];
  return (
    <div style={{ display: 'flex', justifyContent: 'center', gap: 2, height: 6 }}>
      {kinds.map((k) => (
        <span key={k} style={{ width: 5, height: 5, borderRadius: 3, background: KIND_COLORS[k] }} />
      ))}
    </div>
  );
}

/** A day's entries as an agenda: time or kind, title, customer, status, owner. */
export function DayAgenda({
  date,
  entries,
  today,
  onOpen,
  showOwner,
  compactEmpty,
}: {
  date: string;
  entries: CalendarEntry[];
  today: string;
  onOpen: (e: CalendarEntry) => void;
  showOwner: boolean;
  compactEmpty?: boolean;
}) {
  const { t, i18n } = useTranslation('calendar');
  const isToday = date === today;
  return (
    <div style={{ marginBottom: 16 }} data-testid="calendar-day">
      <div
        style={{ display: 'flex', alignItems: 'baseline', gap: 8, padding: '6px 0', borderBottom: '1px solid #f0f0f0', marginBottom: 8 }}
      >
        <Typography.Text strong style={{ color: isToday ? '#1677ff' : undefined }}>
          {formatDay(date, i18n.language, { month: 'short', day: 'numeric', weekday: 'short' })}
        </Typography.Text>
        {isToday && (
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {t('today')}
          </Tag>
        )}
        {entries.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('count', { count: entries.length })}
          </Typography.Text>
        )}
      </div>
      {entries.length === 0 ? (
        compactEmpty ? (
          <Typography.Text type="secondary" style={{ fontSize: 13, paddingInlineStart: 4 }}>
            {t('emptyDay')}
          </Typography.Text>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('emptyDay')} />
        )
      ) : (
        entries.map((e) => <AgendaItem key={`${e.kind}:${e.id}`} entry={e} onOpen={onOpen} showOwner={showOwner} />)
      )}
    </div>
  );
}

function AgendaItem({ entry: e, onOpen, showOwner }: { entry: CalendarEntry; onOpen: (e: CalendarEntry) => void; showOwner: boolean }) {
  const { t } = useTranslation('calendar');
  const overdue = isOverdue(e);
  const status = statusLabel(e, t);
  const finished = isFinished(e);
  const phone = !Grid.useBreakpoint().md;
  // A visit plan's title already names its customer; a next follow-up's title is the customer.
  const customer = e.kind === 'task' ? e.customerName : null;
  return (
    <div
      {...activate(() => onOpen(e))}
      className="calendar-agenda-item"
      style={{
        display: 'flex',
        gap: 12,
        alignItems: 'flex-start',
        padding: '8px 12px',
        marginBottom: 6,
        borderRadius: 6,
        borderInlineStart: `3px solid ${KIND_COLORS[e.kind]}`,
        background: '#fafafa',
        cursor: 'pointer',
      }}
      data-testid={`calendar-item-${e.kind}`}
    >
      <div style={{ flex: 'none', width: phone ? 40 : 64, color: '#8c8c8c', fontSize: 13, paddingTop: 1 }}>
        {e.kind === 'task' && e.at ? companyTime(e.at) : t('allDay')}
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text
          strong
          delete={e.kind === 'task' && finished}
          type={finished ? 'secondary' : overdue ? 'danger' : undefined}
          style={{ display: 'block' }}
        >
          {e.kind === 'next_follow_up'
            ? t('followUpTitle', { name: e.title })
            : e.kind === 'opportunity_close'
              ? t('closeTitle', { name: e.title })
              : e.title}
        </Typography.Text>
        <Space size={[8, 4]} wrap style={{ marginTop: 4, fontSize: 12 }}>
          <Tag color={KIND_COLORS[e.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`kinds.${e.kind}`)}
          </Tag>
          {status && (
            <Tag color={e.status ? STATUS_COLORS[e.status] : undefined} style={{ marginInlineEnd: 0 }}>
              {status}
            </Tag>
          )}
          {overdue && (
            <Tag color="error" style={{ marginInlineEnd: 0 }}>
              {t('overdue')}
            </Tag>
          )}
          {customer && <Typography.Text type="secondary">{customer}</Typography.Text>}
          {showOwner && e.ownerName && <Typography.Text type="secondary">{e.ownerName}</Typography.Text>}
        </Space>
      </div>
    </div>
  );
}
