import { POOL_REASONS } from '@contracts/customer-pool.js';
import { Alert, App, Button, Card, Col, Empty, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { FilterBar, LoadError } from '../../shared/filter-bar.js';
import { formatDate, formatDateTime } from '../../shared/dates.js';
import { PAGE_SIZES, sortOrderOf, sortParamOf, useListParams, useSearchText } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type PoolCustomer, type PoolReason, useClaimCustomer, useCustomerPoolRules, usePoolCustomers } from './api.js';

const FILTERS = ['q', 'reason'];
const REASON_COLOR: Record<PoolReason, string> = { released: 'default', moved: 'blue', no_follow_up: 'orange', no_deal: 'red' };

/** C3: the customers nobody owns, for any rep to claim within the admin's limits. */
export function CustomerPoolPage() {
  const { t, i18n } = useTranslation('customerPool');
  const { message } = App.useApp();
  const { can } = useAuth();
  const lp = useListParams();
  const q = lp.text('q');
  const reason = lp.text('reason') as PoolReason | undefined;
  const { data, isFetching, isError, error, refetch } = usePoolCustomers({
    page: lp.page,
    pageSize: lp.pageSize,
    sort: lp.sort,
    q,
    reason,
  });
  const rules = useCustomerPoolRules();
  const claim = useClaimCustomer();
  const industry = usePicklist('industry');
  const grade = usePicklist('customer_grade');
  const { update } = lp;
  const commitSearch = useCallback((value: string | undefined) => update({ q: value }), [update]);
  const search = useSearchText(q, commitSearch);
  const filtered = FILTERS.some((k) => lp.params.has(k));

  const onClaim = async (c: PoolCustomer) => {
    try {
      await claim.mutateAsync(c.id);
      message.success(t('list.claimed'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ColumnsType<PoolCustomer> = [
    {
      key: 'name',
      title: t('fields.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'name'),
      render: (name: string, c) => (
        <span>
          {name} {c.isKey && <Tag color="gold">★</Tag>}
        </span>
      ),
    },
    { key: 'industry', title: t('fields.industry'), dataIndex: 'industry', render: (v: string | null) => industry.label(v) },
    { key: 'region', title: t('fields.region'), dataIndex: 'region', render: (v: string | null) => v ?? '—' },
    { key: 'grade', title: t('fields.grade'), dataIndex: 'grade', render: (v: string | null) => grade.label(v) },
    {
      key: 'reason',
      title: t('fields.reason'),
      dataIndex: 'poolReason',
      render: (r: PoolReason) => <Tag color={REASON_COLOR[r]}>{t(`reason.${r}`)}</Tag>,
    },
    { key: 'pooledFrom', title: t('fields.pooledFrom'), dataIndex: 'pooledFromName', render: (v: string | null) => v ?? '—' },
    {
      key: 'pooledAt',
      title: t('fields.pooledAt'),
      dataIndex: 'pooledAt',
      sorter: true,
      sortOrder: sortOrderOf(lp.sort ?? '-pooledAt', 'pooledAt'),
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    {
      key: 'lastFollowUp',
      title: t('fields.lastFollowUp'),
      dataIndex: 'lastFollowUpAt',
      render: (v: string | null) => formatDate(v, i18n.language),
    },
    { key: 'contacts', title: t('fields.contacts'), dataIndex: 'contactCount', align: 'right' },
    {
      key: 'actions',
      title: '',
      fixed: 'right',
      render: (_: unknown, c) =>
        can('customers', 'edit') && (
          <Tooltip title={c.claimableFrom ? t('list.claimableFrom', { date: formatDateTime(c.claimableFrom, i18n.language) }) : undefined}>
            <Button
              type="link"
              disabled={!!c.claimableFrom}
              loading={claim.isPending && claim.variables === c.id}
              onClick={() => void onClaim(c)}
              data-testid={`pool-claim-${c.id}`}
            >
              {t('list.claim')}
            </Button>
          </Tooltip>
        ),
    },
  ];

  const r = rules.data;
  return (
    <>
      <PageHeader title={t('list.title')} sub={data ? t('list.count', { total: data.total }) : undefined} />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        {r && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('list.rules', { perDay: r.maxClaimsPerDay, held: r.maxHeld, days: r.reclaimCooldownDays })}
            description={
              r.autoReturn && (r.noFollowUpDays || r.noDealDays)
                ? t('list.autoOn', {
                    followUp:
                      (r.noFollowUpDays ? t('list.autoFollowUp', { days: r.noFollowUpDays }) : '') +
                      (r.noDealDays ? t('list.autoDeal', { days: r.noDealDays }) : ''),
                    warn: r.warnDays,
                  })
                : undefined
            }
          />
        )}
        <FilterBar
          search={search}
          searchPlaceholder={t('list.search')}
          searchTestId="pool-search"
          activeFilters={reason ? 1 : 0}
          onClear={filtered ? () => lp.clear(FILTERS) : undefined}
        >
          <Col xs={24} sm={12} md={8} xl={4}>
            <Select
              allowClear
              placeholder={t('list.reasonAll')}
              value={reason}
              onChange={(v) => update({ reason: v })}
              options={POOL_REASONS.map((k) => ({ value: k, label: t(`reason.${k}`) }))}
              style={{ width: '100%' }}
            />
          </Col>
        </FilterBar>
        {isError && <LoadError title={t('list.loadFailed')} error={error} onRetry={() => void refetch()} />}
        <Table<PoolCustomer>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={<Typography.Text type="secondary">{t('list.empty')}</Typography.Text>} /> }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') update({ sort: sortParamOf(sorter) });
            else if (extra.action === 'paginate') update({ page: pagination.current, pageSize: pagination.pageSize });
          }}
          pagination={{
            current: lp.page,
            pageSize: lp.pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common:total', { total }),
          }}
        />
      </Card>
    </>
  );
}
