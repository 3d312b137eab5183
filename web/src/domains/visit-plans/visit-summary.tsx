import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Grid, Progress, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../shared/list-state.js';
import {
  addDays,
  addMonths,
  companyToday,
  DATE,
  dateFromPicker,
  dateToPicker,
  formatDay,
  formatMonthDay,
  isBusinessDate,
  isoWeekKey,
  isoWeekMonday,
  MONTH,
  monthEnd,
  monthStart,
  weekStart,
} from '../../shared/dates.js';
import { useVisitPlans, useVisitSummary } from './api.js';
import { type ChartRow, VisitSummaryChart } from './visit-summary-chart.js';

type Period = 'week' | 'month';

interface Counts {
  planned: number;
  done: number;
  /** Plans for today or later not visited yet: not (yet) a miss. */
  pending: number;
  unplanned: number;
}
interface PeriodRow extends Counts {
  period: string;
}
interface RepRow extends Counts {
  ownerId: string;
  ownerName: string;
  periods: PeriodRow[];
}

/** Done out of the plans whose day has come, in whole percent; with none of those there is no rate yet. */
const rateOf = (c: Counts): number | null => {
  const due = c.planned - c.pending;
  return due > 0 ? Math.round((c.done / due) * 100) : null;
};
const byRate = (a: Counts, b: Counts) => (rateOf(a) ?? -1) - (rateOf(b) ?? -1);

function rangeOf(period: Period, ref: string) {
  if (period === 'week') {
    const from = weekStart(ref);
    return { from, to: addDays(from, 6), groupBy: 'day' as const };
  }
  return { from: monthStart(ref), to: monthEnd(ref), groupBy: 'week' as const };
}

/** C5 for managers: per rep, how many planned visits were made, and how many visits were unplanned. */
export default function VisitSummary() {
  const { t, i18n } = useTranslation('visitPlans');
  const lp = useListParams();
  const phone = !Grid.useBreakpoint().md;
  const period: Period = lp.text('period') === 'month' ? 'month' : 'week';
  const rawRef = lp.text('ref');
  const today = companyToday();
  const ref = isBusinessDate(rawRef) ? rawRef : today;
  const range = rangeOf(period, ref);
  const { data, isFetching, isError, error, refetch } = useVisitSummary(range);
  const current = rangeOf(period, today).from === range.from;

  // The summary counts plans still to come as planned; the plans themselves tell which those are.
  const upcoming = range.to >= today;
  const started = range.from < today;
  const plans = useVisitPlans({ from: started ? today : range.from, to: range.to }, upcoming);
  const pending = new Map<string, number>();
  if (upcoming) {
    for (const p of plans.data?.items ?? []) {
      if (p.status !== 'planned') continue;
      const key = `${p.ownerId}|${range.groupBy === 'day' ? p.planDate : isoWeekKey(p.planDate)}`;
      pending.set(key, (pending.get(key) ?? 0) + 1);
    }
  }

  const setRef = (d: string) => lp.update({ ref: rangeOf(period, d).from === rangeOf(period, today).from ? undefined : d });
  const shift = (step: number) => setRef(period === 'week' ? addDays(range.from, step * 7) : addMonths(range.from, step));

  const byRep = new Map<string, RepRow>();
  for (const r of data?.items ?? []) {
    const row = byRep.get(r.ownerId) ?? {
      ownerId: r.ownerId,
      ownerName: r.ownerName ?? '—',
      planned: 0,
      done: 0,
      pending: 0,
      unplanned: 0,
      periods: [],
    };
    const waiting = pending.get(`${r.ownerId}|${r.period}`) ?? 0;
    row.planned += r.planned;
    row.done += r.done;
    row.pending += waiting;
    row.unplanned += r.unplanned;
    row.periods.push({ period: r.period, planned: r.planned, done: r.done, pending: waiting, unplanned: r.unplanned });
    byRep.set(r.ownerId, row);
  }
  // Reps who neither planned nor visited: listed too, with zeros (they sort last).
  for (const r of data?.idle ?? []) {
    if (!byRep.has(r.ownerId))
      byRep.set(r.ownerId, { ownerId: r.ownerId, ownerName: r.ownerName, planned: 0, done: 0, pending: 0, unplanned: 0, periods: [] });
  }
  const reps = [...byRep.values()].sort((a, b) => b.planned - a.planned || b.done - a.done || a.ownerName.localeCompare(b.ownerName));
  const totals = reps.reduce<Counts>(
    (s, r) => ({
      planned: s.planned + r.planned,
      done: s.done + r.done,
      pending: s.pending + r.pending,
      unplanned: s.unplanned + r.unplanned,
    }),
    { planned: 0, done: 0, pending: 0, unplanned: 0 },
  );
  const totalRate = rateOf(totals);

  const periodLabel = (p: string) => {
    if (range.groupBy === 'day') return formatDay(p, i18n.language);
    const monday = isoWeekMonday(p);
    if (!monday) return p;
    return t('summary.weekLabel', {
      week: Number(p.slice(-2)),
      from: formatMonthDay(monday),
      to: formatMonthDay(addDays(monday, 6)),
    });
  };

  const rate = (c: Counts) => {
    const r = rateOf(c);
    if (r === null) return <Typography.Text type="secondary">—</Typography.Text>;
    if (phone) return <Typography.Text type={r >= 80 ? 'success' : r >= 50 ? undefined : 'danger'}>{r}%</Typography.Text>;
    return (
      <Progress
        percent={r}
        size="small"
        status={r >= 80 ? 'success' : r >= 50 ? 'normal' : 'exception'}
        format={(p) => `${p}%`}
        style={{ minWidth: 120, marginBottom: 0 }}
      />
    );
  };

  const num = (v: number) => <span className="money">{v}</span>;
  const doneOfPlanned = (c: Counts) => (
    <span className="money" style={{ whiteSpace: 'nowrap' }}>
      {c.done} / {c.planned}
    </span>
  );
  // On a phone: who, done of planned, and the rate; the period cards above carry the rest.
  const columns: ColumnsType<RepRow> = phone
    ? [
        { key: 'owner', title: t('fields.owner'), dataIndex: 'ownerName' },
        { key: 'doneOfPlanned', title: t('summary.doneOfPlanned'), align: 'right', render: (_, r) => doneOfPlanned(r) },
        { key: 'rate', title: t('summary.rate'), align: 'right', sorter: byRate, render: (_, r) => rate(r) },
      ]
    : [
        { key: 'owner', title: t('fields.owner'), dataIndex: 'ownerName', width: 140, fixed: 'left' },
        {
          key: 'planned',
          title: t('summary.planned'),
          dataIndex: 'planned',
          width: 90,
          align: 'right',
          sorter: (a, b) => a.planned - b.planned,
          render: num,
        },
        {
          key: 'done',
          title: t('summary.done'),
          dataIndex: 'done',
          width: 90,
          align: 'right',
          sorter: (a, b) => a.done - b.done,
          render: num,
        },
        { key: 'pending', title: t('summary.pending'), dataIndex: 'pending', width: 90, align: 'right', render: num },
        { key: 'rate', title: t('summary.rate'), width: 180, sorter: byRate, render: (_, r) => rate(r) },
        {
          key: 'unplanned',
          title: t('summary.unplanned'),
          dataIndex: 'unplanned',
          width: 110,
          align: 'right',
          sorter: (a, b) => a.unplanned - b.unplanned,
          render: num,
        },
      ];

  const periodColumns: ColumnsType<PeriodRow> = phone
    ? [
        { key: 'period', title: t(range.groupBy === 'day' ? 'summary.day' : 'summary.week'), render: (_, r) => periodLabel(r.period) },
        { key: 'doneOfPlanned', title: t('summary.doneOfPlanned'), align: 'right', render: (_, r) => doneOfPlanned(r) },
        { key: 'rate', title: t('summary.rate'), align: 'right', render: (_, r) => rate(r) },
      ]
    : [
        { key: 'period', title: t(range.groupBy === 'day' ? 'summary.day' : 'summary.week'), render: (_, r) => periodLabel(r.period) },
        { key: 'planned', title: t('summary.planned'), dataIndex: 'planned', align: 'right', render: num },
        { key: 'done', title: t('summary.done'), dataIndex: 'done', align: 'right', render: num },
        { key: 'pending', title: t('summary.pending'), dataIndex: 'pending', align: 'right', render: num },
        { key: 'rate', title: t('summary.rate'), render: (_, r) => rate(r) },
        { key: 'unplanned', title: t('summary.unplanned'), dataIndex: 'unplanned', align: 'right', render: num },
      ];

  const chartRows: ChartRow[] = reps.map((r) => ({ name: r.ownerName, planned: r.planned, done: r.done, unplanned: r.unplanned }));
  const loading = isFetching || (upcoming && plans.isFetching);

  return (
    <div data-testid="visit-summary">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 16 }}>
        <Segmented<Period>
          value={period}
          onChange={(v) => lp.update({ period: v === 'week' ? undefined : v, ref: undefined })}
          options={[
            { value: 'week', label: t('summary.byWeek') },
            { value: 'month', label: t('summary.byMonth') },
          ]}
        />
        <Space.Compact>
          <Button icon={<LeftOutlined />} onClick={() => shift(-1)} aria-label={t('summary.prev')} />
          <DatePicker
            picker={period}
            value={dateToPicker(range.from)}
            allowClear={false}
            format={(d) =>
              period === 'week'
                ? `${weekStart(d.format(DATE))} ~ ${formatMonthDay(addDays(weekStart(d.format(DATE)), 6))}`
                : d.format(MONTH)
            }
            onChange={(d) => d && setRef(dateFromPicker(d) as string)}
            style={{ width: period === 'week' ? 200 : 130 }}
            data-testid="visit-summary-period"
          />
          <Button icon={<RightOutlined />} onClick={() => shift(1)} aria-label={t('summary.next')} />
        </Space.Compact>
        {!current && <Button onClick={() => setRef(today)}>{period === 'week' ? t('summary.thisWeek') : t('summary.thisMonth')}</Button>}
      </div>

      {isError && (
        <Alert
          type="error"
          showIcon
          title={t('summary.loadFailed')}
          description={error instanceof Error ? error.message : undefined}
          action={<Button onClick={() => void refetch()}>{t('common:actions.reload')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}

      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {[
          { key: 'planned', title: t('summary.totalPlanned'), value: totals.planned },
          { key: 'done', title: t('summary.totalDone'), value: totals.done },
          {
            key: 'rate',
            title: t('summary.rate'),
            value: totalRate === null ? '—' : totalRate,
            suffix: totalRate === null ? undefined : '%',
          },
          { key: 'unplanned', title: t('summary.unplanned'), value: totals.unplanned },
        ].map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Card size="small" style={{ background: '#fafafa' }} variant="borderless">
              <Statistic title={s.title} value={s.value} suffix={s.suffix} loading={loading && !data} />
            </Card>
          </Col>
        ))}
      </Row>

      {reps.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <VisitSummaryChart
            rows={chartRows}
            height={phone ? 260 : 300}
            labels={{ planned: t('summary.planned'), done: t('summary.done'), unplanned: t('summary.unplanned') }}
          />
        </div>
      )}

      <Table<RepRow>
        rowKey="ownerId"
        size="middle"
        columns={columns}
        dataSource={reps}
        loading={loading}
        pagination={false}
        scroll={phone ? undefined : { x: 'max-content' }}
        expandable={{
          expandedRowRender: (r) => (
            <Table<PeriodRow>
              rowKey="period"
              size="small"
              columns={periodColumns}
              dataSource={[...r.periods].sort((a, b) => a.period.localeCompare(b.period))}
              pagination={false}
            />
          ),
        }}
        summary={() =>
          reps.length > 1 ? (
            <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 500 }}>
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1}>{t('summary.total')}</Table.Summary.Cell>
              {phone ? (
                <>
                  <Table.Summary.Cell index={2} align="right">
                    {doneOfPlanned(totals)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {rate(totals)}
                  </Table.Summary.Cell>
                </>
              ) : (
                <>
                  <Table.Summary.Cell index={2} align="right">
                    {num(totals.planned)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {num(totals.done)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {num(totals.pending)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5}>{rate(totals)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">
                    {num(totals.unplanned)}
                  </Table.Summary.Cell>
                </>
              )}
            </Table.Summary.Row>
          ) : undefined
        }
        locale={{
          emptyText:
            loading || isError ? (
              <div style={{ height: 120 }} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('summary.empty')} />
            ),
        }}
        data-testid="visit-summary-table"
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
        {t('summary.hint')}
      </Typography.Paragraph>
    </div>
  );
}
