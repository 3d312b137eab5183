import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ChoiceFilter, ListFilters } from '../../shared/list-kit/list-filters.js';
import { type ListColumn, ListCard, ListHeader, ListTable, useColumnChooser, useListPage } from '../../shared/list-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { type CreditListItem, useCreditList } from './api.js';
import { CreditUsage } from './credit-usage.js';

const FILTERS = ['q', 'minUsage'];

/** 客户信用: customers with a limit, the most used first, so finance sees who is close to or past it. */
export function CreditListPage() {
  const { t } = useTranslation('credit');
  const list = useListPage({ name: 'credit', filters: FILTERS });
  const query = useCreditList({ ...list.paging, q: list.text('q'), minUsage: list.text('minUsage') });
  const money = (v: string | null) => formatMoney(v);
  const columns: ListColumn<CreditListItem>[] = [
    {
      key: 'customer',
      title: t('fields.customer'),
      fixed: 'left',
      width: 220,
      render: (_, c) => <Link to={`/customers/${c.customerId}?tab=credit`}>{c.customerName}</Link>,
    },
    { key: 'owner', title: t('fields.owner'), width: 100, render: (_, c) => c.ownerName ?? '—' },
    { key: 'creditLimit', title: t('fields.creditLimit'), width: 140, align: 'right', render: (_, c) => money(c.creditLimit) },
    { key: 'exposure', title: t('fields.exposure'), width: 140, align: 'right', render: (_, c) => money(c.exposure) },
    {
      key: 'available',
      title: t('fields.available'),
      width: 140,
      align: 'right',
      render: (_, c) => <Typography.Text type={c.available?.startsWith('-') ? 'danger' : undefined}>{money(c.available)}</Typography.Text>,
    },
    { key: 'usage', title: t('fields.usage'), width: 200, render: (_, c) => <CreditUsage usage={c.usage} width={170} /> },
  ];
  const chosen = useColumnChooser(list, columns, { locked: ['customer'], defaults: columns.map((c) => c.key) });
  const count = query.data && t('list.count', { total: query.data.total });
  return (
    <>
      <ListHeader list={list} title={t('list.title')} count={count} chooser={chosen.chooser} />
      <ListCard>
        <ListFilters
          list={list}
          searchPlaceholder={t('list.search')}
          searchCol={{ xs: 24, md: 12, xl: 8 }}
          filterCol={{ xs: 12, md: 6, xl: 4 }}
        >
          <ChoiceFilter
            list={list}
            name="minUsage"
            placeholder={t('list.usageFilter')}
            options={[
              { value: '80', label: t('list.usage80') },
              { value: '100', label: t('list.usage100') },
            ]}
          />
        </ListFilters>
        <ListTable<CreditListItem>
          list={list}
          query={query}
          columns={columns}
          visibleColumns={chosen.visible}
          rowKey={(c) => c.customerId}
          card={{ title: 'customer', subtitle: ['creditLimit', 'exposure', 'usage'] }}
          empty={{ text: t('list.empty'), filteredText: t('list.emptyFiltered') }}
          errorTitle={t('list.loadFailed')}
        />
      </ListCard>
    </>
  );
}
