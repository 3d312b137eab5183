import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Calendar, Card, Empty, Grid, Segmented, Space, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { PageHeader } from '../../shared/page-header.js';
import { useListParams } from '../../shared/list-state.js';
import {
  addDays,
  addMonths,
  companyTime,
  companyToday,
  DATE,
  dateToPicker,
  formatDay,
  isBusinessDate,
  monthStart,
  weekStart,
} from '../../shared/dates.js';
import { type CalendarEntry, type CalendarKind, useCalendar } from './api.js';

type View = 'month' | 'week' | 'day';
const VIEWS: View[] = ['month', 'week', 'day'];

const KIND_COLORS: Record<CalendarKind, string> = {
  task: '#1677ff',
  visit_plan: '#52c41a',
  next_follow_up: '#fa8c16',
  opportunity_close: '#722ed1',
};
const STATUS_COLORS: Record<string, string | undefined> = {
  open: 'gold',
  in_progress: 'processing',
  done: 'success',
  cancelled: undefined,
  planned: 'processing',
  missed: 'error',
};

const KIND_ORDER: Record<CalendarKind, number> = { task: 0, visit_plan: 1, next_follow_up: 2, opportunity_close: 3 };
const agendaOrder = (a: CalendarEntry, b: CalendarEntry) =>
  (a.at ?? '').localeCompare(b.at ?? '') || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.title.localeCompare(b.title);
/** A month cell has room for a few lines: tasks first (they have a time), then visits, then follow-ups. */
const cellOrder = (a: CalendarEntry, b: CalendarEntry) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.at ?? '').localeCompare(b.at ?? '');

const isFinished = (e: CalendarEntry) => (e.kind === 'task' && (e.status === 'done' || e.status === 'cancelled')) || e.status === 'done';
/** An open task whose due time has passed. */
const isOverdue = (e: CalendarEntry) =>
  e.kind === 'task' && (e.status === 'open' || e.status === 'in_progress') && !!e.at && new Date(e.at).getTime() < Date.now();

function statusLabel(e: CalendarEntry, t: TFunction): string | null {
  if (!e.status) return null;
  if (e.kind === 'task') return t(`tasks:status.${e.status}`, { defaultValue: e.status });
  if (e.kind === 'visit_plan') return t(`visitPlans:status.${e.status}`, { defaultValue: e.status });
  return e.status;
}

/** The visible range of each view; a month grid reaches into the weeks around it (≤ 62 days in all). */
function rangeOf(view: View, date: string) {
  if (view === 'day') return { from: date, to: date };
  if (view === 'week') {
    const from = weekStart(date);
    return { from, to: addDays(from, 6) };
  }
  const first = monthStart(date);
  return { from: addDays(first, -7), to: addDays(first, 42) };
}

/** C5 schedule: tasks, planned visits and next follow-ups on a month calendar or a week / day agenda. */
export function CalendarPage() {
  const { t, i18n } = useTranslation('calendar');
  const { me } = useAuth();
  const navigate = useNavigate();
  const lp = useListParams();
  const phone = !Grid.useBreakpoint().md;
  const ownScope = me?.scope === 'own';
  const today = companyToday();

  const rawView = lp.text('view');
  const view: View = (VIEWS as string[]).includes(rawView ?? '') ? (rawView as View) : 'month';
  const rawDate = lp.text('date');
  const date = isBusinessDate(rawDate) ? rawDate : today;
  const ownerId = ownScope ? undefined : lp.text('ownerId');
  const range = rangeOf(view, date);
  const { data, isFetching, isError, error, refetch } = useCalendar({ ...range, ownerId });
  const entries = data?.items ?? [];
  // A day's agenda: all-day entries (visits, then follow-ups) before timed tasks, in time order.
  const byDay = new Map<string, CalendarEntry[]>();
  for (const e of [...entries].sort(agendaOrder)) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);

  const setDate = (d: string) => lp.update({ date: d === today ? undefined : d });
  const setView = (v: View) => lp.update({ view: v === 'month' ? undefined : v });
  const shift = (step: number) => {
    if (view === 'day') setDate(addDays(date, step));
    else if (view === 'week') setDate(addDays(date, step * 7));
    else setDate(monthStart(addMonths(date, step)));
  };
  const open = (e: CalendarEntry) => {
    if (e.kind === 'task') navigate(`/tasks?focus=${e.id}`);
    else if (e.kind === 'visit_plan') navigate(`/visit-plans?date=${e.date}`);
    else if (e.kind === 'opportunity_close') navigate(`/opportunities/${e.id}`);
    else if (e.customerId) navigate(`/customers/${e.customerId}`);
  };

  const label =
    view === 'month'
      ? formatDay(date, i18n.language, { year: 'numeric', month: 'long' })
      : view === 'week'
        ? `${formatDay(range.from, i18n.language, { month: 'short', day: 'numeric' })} – ${formatDay(range.to, i18n.language, { month: 'short', day: 'numeric' })}`
        : formatDay(date, i18n.language, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' });
  const inCurrent =
    view === 'month' ? date.slice(0, 7) === today.slice(0, 7) : view === 'week' ? range.from === weekStart(today) : date === today;

  const nav = (
    <Space size={4}>
      <Button type="text" icon={<LeftOutlined />} onClick={() => shift(-1)} aria-label={t('prev')} />
      <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }} data-testid="calendar-label">
        {label}
      </Typography.Text>
      <Button type="text" icon={<RightOutlined />} onClick={() => shift(1)} aria-label={t('next')} />
    </Space>
  );
  const legend = (
    <Space size={12} wrap>
      {(['task', 'visit_plan', 'next_follow_up', 'opportunity_close'] as const).map((k) => (
        <Badge key={k} color={KIND_COLORS[k]} text={t(`kinds.${k}`)} />
      ))}
    </Space>
  );

  return (
    <>
      <PageHeader title={t('title')} sub={t('subtitle')} />
      <Card variant="borderless">
        <div
          style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}
        >
          <Space wrap size={[12, 8]}>
            <Segmented<View>
              value={view}
              onChange={setView}
              options={VIEWS.map((v) => ({ value: v, label: t(`views.${v}`) }))}
              data-testid="calendar-view"
            />
            {!phone && nav}
            <Button onClick={() => setDate(today)} type={inCurrent ? 'default' : 'primary'} ghost={!inCurrent}>
              {t('today')}
            </Button>
            {isFetching && <Spin size="small" />}
          </Space>
          <Space wrap size={[16, 8]}>
            {!phone && legend}
            {!ownScope && (
              <OwnerSelect
                placeholder={t('ownerAll')}
                value={ownerId}
                onChange={(v) => lp.update({ ownerId: v })}
                style={{ width: phone ? '100%' : 200, minWidth: 200 }}
              />
            )}
          </Space>
        </div>
        {phone && (
          <div
            style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginBottom: 12 }}
          >
            {nav}
            {legend}
          </div>
        )}

        {isError && (
          <Alert
            type="error"
            showIcon
            title={t('loadFailed')}
            description={error instanceof Error ? error.message : undefined}
            action={<Button onClick={() => void refetch()}>{t('common:actions.reload')}</Button>}
            style={{ marginBottom: 16 }}
          />
        )}

        {view === 'month' && (
          <>
            <Calendar
              value={dateToPicker(date) as Dayjs}
              fullscreen={!phone}
              headerRender={() => null}
              onSelect={(d: Dayjs) => setDate(d.format(DATE))}
              cellRender={(current: Dayjs, info) => {
                if (info.type !== 'date') return info.originNode;
                const list = [...(byDay.get(current.format(DATE)) ?? [])].sort(cellOrder);
                if (list.length === 0) return null;
                if (phone) return <DayDots entries={list} />;
                const shown = list.length > 3 ? list.slice(0, 2) : list;
                return (
                  <div>
                    {shown.map((e) => (
                      <EntryLine key={`${e.kind}:${e.id}`} entry={e} onOpen={open} />
                    ))}
                    {list.length > shown.length && (
                      <Typography.Link
                        style={{ fontSize: 12 }}
                        onClick={(ev) => {
                          ev.stopPropagation();
                          lp.update({ view: 'day', date: current.format(DATE) === today ? undefined : current.format(DATE) });
                        }}
                      >
                        {t('more', { count: list.length - shown.length })}
                      </Typography.Link>
                    )}
                  </div>
                );
              }}
              data-testid="calendar-month"
            />
            {phone && (
              <div style={{ marginTop: 16 }}>
                <DayAgenda date={date} entries={byDay.get(date) ?? []} today={today} onOpen={open} showOwner={!ownScope} />
              </div>
            )}
          </>
        )}
        {view === 'week' &&
          Array.from({ length: 7 }, (_, i) => addDays(range.from, i)).map((d) => (
            <DayAgenda key={d} date={d} entries={byDay.get(d) ?? []} today={today} onOpen={open} showOwner={!ownScope} compactEmpty />
          ))}
        {view === 'day' && <DayAgenda date={date} entries={byDay.get(date) ?? []} today={today} onOpen={open} showOwner={!ownScope} />}
      </Card>
    </>
  );
}

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
function EntryLine({ entry: e, onOpen }: { entry: CalendarEntry; onOpen: (e: CalendarEntry) => void }) {
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
function DayDots({ entries }: { entries: CalendarEntry[] }) {
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
function DayAgenda({
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
