import { QUOTE_STATUSES } from '@contracts/quotes.js';
import { Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { formatMoney } from '../../shared/format.js';
import { ChoiceFilter, ListFilters, OwnerFilter } from '../../shared/list-kit/list-filters.js';
import { DateCell, type ListColumn, ListCard, ListHeader, ListTable, useColumnChooser, useListPage } from '../../shared/list-kit/index.js';
import { type QuoteRow, useQuotes } from './api.js';
import { percent, QuoteNumber, QuoteStatusTag } from './quote-labels.js';

const FILTERS = ['q', 'status', 'ownerId'];
const DEFAULT_COLUMNS = ['title', 'customer', 'opportunity', 'total', 'maxDiscount', 'status', 'validUntil', 'owner', 'updatedAt'];

/** Q2: every quote the caller may see, newest version of each; superseded ones through the status filter. */
export function QuoteListPage() {
  const { t } = useTranslation('quotes');
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useListPage({ name: 'quote', filters: FILTERS, exports: 'quotes' });
  const query = useQuotes({ ...list.paging, q: list.text('q'), status: list.text('status'), ownerId: list.text('ownerId') });
  const create = { label: t('list.new'), onClick: () => navigate('/quotes/new'), allowed: can('quotes', 'create') };
  const stop = (e: MouseEvent) => e.stopPropagation();

  const columns: ListColumn<QuoteRow>[] = [
    {
      key: 'number',
      title: t('fields.number'),
      fixed: 'left',
      width: 150,
      sortable: true,
      render: (_, q) => (
        <Link to={`/quotes/${q.id}`} onClick={stop} style={{ fontWeight: 500 }}>
          <QuoteNumber number={q.number} revision={q.revision} />
        </Link>
      ),
    },
    { key: 'title', title: t('fields.title'), width: 150, ellipsis: true, render: (_, q) => q.title },
    {
      key: 'customer',
      title: t('fields.customer'),
      width: 170,
      ellipsis: true,
      render: (_, q) => (
        <Link to={`/customers/${q.customerId}`} onClick={stop}>
          {q.customerName}
        </Link>
      ),
    },
    {
      key: 'opportunity',
      title: t('fields.opportunity'),
      width: 140,
      ellipsis: true,
      render: (_, q) => (
        <Link to={`/opportunities/${q.opportunityId}`} onClick={stop}>
          {q.opportunityName}
        </Link>
      ),
    },
    {
      key: 'total',
      title: t('fields.total'),
      width: 120,
      align: 'right',
      className: 'money',
      sortable: true,
      render: (_, q) => formatMoney(q.total),
    },
    {
      key: 'maxDiscount',
      title: t('fields.maxDiscount'),
      width: 84,
      align: 'right',
      render: (_, q) => (q.overLimit ? <Typography.Text type="danger">{percent(q.maxDiscount)}</Typography.Text> : percent(q.maxDiscount)),
    },
    { key: 'status', title: t('fields.status'), width: 100, render: (_, q) => <QuoteStatusTag status={q.status} /> },
    { key: 'validUntil', title: t('fields.validUntil'), width: 100, sortable: true, render: (_, q) => q.validUntil ?? '—' },
    { key: 'owner', title: t('fields.owner'), width: 80, render: (_, q) => q.ownerName ?? '—' },
    { key: 'updatedAt', title: t('fields.updatedAt'), width: 100, sortable: true, render: (_, q) => <DateCell at={q.updatedAt} /> },
  ];
  const chosen = useColumnChooser(list, columns, { locked: ['number'], defaults: DEFAULT_COLUMNS });
  const count = query.data && t('list.count', { total: query.data.total, count: query.data.total });

  return (
    <>
      <ListHeader list={list} title={t('list.title')} count={count} chooser={chosen.chooser} create={create} />
      <ListCard>
        <ListFilters list={list} searchPlaceholder={t('list.search')}>
          <ChoiceFilter
            list={list}
            name="status"
            placeholder={t('fields.status')}
            options={QUOTE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            data-testid="quote-status-filter"
          />
          <OwnerFilter list={list} placeholder={t('fields.owner')} />
        </ListFilters>
        <ListTable<QuoteRow>
          list={list}
          query={query}
          columns={columns}
          visibleColumns={chosen.visible}
          defaultSort="-updatedAt"
          card={{ title: 'number', subtitle: ['customer', 'total', 'status', 'validUntil'] }}
          empty={{ text: t('list.empty'), filteredText: t('list.emptyFiltered'), create }}
          errorTitle={t('list.loadFailed')}
          onRowClick={(q) => navigate(`/quotes/${q.id}`)}
        />
      </ListCard>
    </>
  );
}
