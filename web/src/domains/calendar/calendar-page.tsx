import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Calendar, Card, Grid, Segmented, Space, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import {
  addDays,
  addMonths,
  companyToday,
  DATE,
  dateToPicker,
  formatDay,
  isBusinessDate,
  monthStart,
  weekStart,
} from '../../shared/dates.js';
import { useListParams } from '../../shared/list-state.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { PageHeader } from '../../shared/page-header.js';
import { type CalendarEntry, useCalendar } from './api.js';
import { DayAgenda, DayDots, EntryLine } from './calendar-agenda.js';
import { agendaOrder, cellOrder, KIND_COLORS, rangeOf, type View, VIEWS } from './calendar-rules.js';

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
