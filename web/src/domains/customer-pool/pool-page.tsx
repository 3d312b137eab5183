import { POOL_REASONS } from '@contracts/customer-pool.js';
import { Alert, App, Button, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { formatDate, formatDateTime } from '../../shared/dates.js';
import { ChoiceFilter, ListFilters } from '../../shared/list-kit/list-filters.js';
import { type ListColumn, ListCard, ListHeader, ListTable, useListPage } from '../../shared/list-kit/index.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type PoolCustomer, type PoolReason, useClaimCustomer, useCustomerPoolRules, usePoolCustomers } from './api.js';

const REASON_COLOR: Record<PoolReason, string> = { released: 'default', moved: 'blue', no_follow_up: 'orange', no_deal: 'red' };

/** C3: the customers nobody owns, for any rep to claim within the admin's limits. */
export function CustomerPoolPage() {
  const { t, i18n } = useTranslation('customerPool');
  const { message } = App.useApp();
  const { can } = useAuth();
  const list = useListPage({ name: 'pool', filters: ['q', 'reason'] });
  const query = usePoolCustomers({ ...list.paging, q: list.text('q'), reason: list.text('reason') });
  const rules = useCustomerPoolRules();
  const claim = useClaimCustomer();
  const industry = usePicklist('industry');
  const grade = usePicklist('customer_grade');

  const onClaim = async (c: PoolCustomer) => {
    try {
      await claim.mutateAsync(c.id);
      message.success(t('list.claimed'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ListColumn<PoolCustomer>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      dataIndex: 'name',
      sortable: true,
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
      sortable: true,
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
  const reasonOptions = POOL_REASONS.map((k) => ({ value: k, label: t(`reason.${k}`) }));
  return (
    <>
      <ListHeader list={list} title={t('list.title')} count={query.data && t('list.count', { total: query.data.total })} />
      <ListCard>
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
        <ListFilters list={list} searchPlaceholder={t('list.search')}>
          <ChoiceFilter list={list} name="reason" placeholder={t('list.reasonAll')} options={reasonOptions} />
        </ListFilters>
        <ListTable<PoolCustomer>
          list={list}
          query={query}
          columns={columns}
          defaultSort="-pooledAt"
          card={{ title: 'name', subtitle: ['industry', 'grade', 'reason', 'pooledFrom', 'pooledAt'], extra: 'actions' }}
          empty={{ text: t('list.empty') }}
          errorTitle={t('list.loadFailed')}
        />
      </ListCard>
    </>
  );
}
