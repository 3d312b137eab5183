import { TIMELINESS_CHECKS, type TimelinessCheck } from '@contracts/data-timeliness.js';
import { Card, Empty, Segmented, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../app/api-client.js';
import { LoadError } from '../../shared/filter-bar.js';
import { useListParams } from '../../shared/list-state.js';
import { reportPagination } from '../../shared/report-filters.js';
import { type TimelinessFixes, useTimelinessFixes } from './api.js';

type Item = TimelinessFixes['items'][number];
const COLORS: Record<TimelinessCheck, string> = { stale: 'orange', overdue: 'red', late: 'gold', incomplete: 'blue' };

/** Where a row is fixed: the deal, or the customer (a follow-up is corrected on its customer's page). */
export const fixLink = (i: Item) => (i.entity === 'opportunity' ? `/opportunities/${i.id}` : `/customers/${i.customerId ?? i.id}`);

/** T7: the rows to fix, longest neglected first, filtered by check. */
export function TimelinessFixesCard({ query }: { query: Query }) {
  const { t } = useTranslation('dataTimeliness');
  const lp = useListParams();
  const check = (TIMELINESS_CHECKS as readonly string[]).includes(lp.text('check') ?? '')
    ? (lp.text('check') as TimelinessCheck)
    : undefined;
  const { data, isFetching, isError, error, refetch } = useTimelinessFixes({ ...query, check, page: lp.page, pageSize: lp.pageSize });
  const days = (i: Item) => {
    if (i.days === null) return i.missing.map((m) => t(`missing.${m}`)).join('、');
    const key = i.check === 'stale' ? 'daysStale' : i.check === 'overdue' ? 'daysOverdue' : 'daysLate';
    return t(`fixes.${key}`, { days: i.days });
  };
  const columns: ColumnsType<Item> = [
    {
      key: 'issue',
      title: t('columns.issue'),
      render: (_, i) => (
        <Tag color={COLORS[i.check]} style={{ marginInlineEnd: 0 }}>
          {t(`checks.${i.check}`)}
        </Tag>
      ),
    },
    { key: 'record', title: t('columns.record'), render: (_, i) => <Link to={fixLink(i)}>{i.name}</Link> },
    { key: 'owner', title: t('columns.owner'), dataIndex: 'ownerName', responsive: ['md'] },
    { key: 'days', title: `${t('columns.days')} / ${t('columns.missing')}`, render: (_, i) => days(i) },
  ];
  return (
    <Card title={t('fixes.title')} style={{ marginTop: 16 }}>
      <Segmented
        value={check ?? 'all'}
        onChange={(v) => lp.update({ check: v === 'all' ? undefined : String(v), page: undefined })}
        options={[{ value: 'all', label: t('fixes.all') }, ...TIMELINESS_CHECKS.map((c) => ({ value: c, label: t(`checks.${c}`) }))]}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      />
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      <Table<Item>
        rowKey={(i) => `${i.check}:${i.id}`}
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        onChange={(p) => lp.update({ page: p.current, pageSize: p.pageSize })}
        pagination={reportPagination(lp, data?.total)}
        locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('fixes.empty')} /> }}
        data-testid="timeliness-fixes"
      />
    </Card>
  );
}
