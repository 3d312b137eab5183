import { CONTRACT_STATUSES } from '@contracts/contracts.js';
import { Col, DatePicker, Grid } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { dateFromPicker, dateToPicker, isBusinessDate } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import { ChoiceFilter, ListFilters, OwnerFilter } from '../../shared/list-kit/list-filters.js';
import { DateCell, type ListColumn, ListCard, ListHeader, ListTable, useColumnChooser, useListPage } from '../../shared/list-kit/index.js';
import { type ContractRow, useContracts } from './api.js';
import { ContractProgress, ContractStatusTag } from './contract-labels.js';

// The URL's names are the API's (signedFrom / signedTo), so the export takes the list's filters as they are.
const FILTERS = ['q', 'status', 'ownerId', 'signedFrom', 'signedTo'];
const DEFAULT_COLUMNS = ['title', 'customer', 'signDate', 'amount', 'progress', 'status', 'owner'];

/** Q4: every contract the caller may see — number, customer, signing date, amount, how far it is carried out. */
export function ContractListPage() {
  const { t } = useTranslation('contracts');
  const { can } = useAuth();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  // A date range sets from and to together: one filter on the phone's badge.
  const list = useListPage({ name: 'contract', filters: FILTERS, uncounted: ['signedTo'], exports: 'contracts' });
  const from = list.text('signedFrom');
  const to = list.text('signedTo');
  const query = useContracts({
    ...list.paging,
    q: list.text('q'),
    status: list.text('status'),
    ownerId: list.text('ownerId'),
    signedFrom: isBusinessDate(from) ? from : undefined,
    signedTo: isBusinessDate(to) ? to : undefined,
  });
  const create = { label: t('list.new'), onClick: () => navigate('/contracts/new'), allowed: can('contracts', 'create') };
  const stop = (e: MouseEvent) => e.stopPropagation();

  const columns: ListColumn<ContractRow>[] = [
    {
      key: 'number',
      title: t('fields.number'),
      fixed: 'left',
      width: 150,
      sortable: true,
      render: (_, c) => (
        <Link to={`/contracts/${c.id}`} onClick={stop} style={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
          {c.number}
        </Link>
      ),
    },
    { key: 'title', title: t('fields.title'), width: 200, ellipsis: true, render: (_, c) => c.title },
    {
      key: 'customer',
      title: t('fields.customer'),
      width: 190,
      ellipsis: true,
      render: (_, c) => (
        <Link to={`/customers/${c.customerId}`} onClick={stop}>
          {c.customerName}
        </Link>
      ),
    },
    { key: 'signDate', title: t('fields.signDate'), width: 110, sortable: true, render: (_, c) => c.signDate ?? '—' },
    {
      key: 'amount',
      title: t('fields.amount'),
      width: 140,
      align: 'right',
      className: 'money',
      sortable: true,
      render: (_, c) => formatMoney(c.amount),
    },
    { key: 'progress', title: t('fields.progress'), width: 140, render: (_, c) => <ContractProgress value={c.progress} /> },
    { key: 'status', title: t('fields.status'), width: 96, render: (_, c) => <ContractStatusTag status={c.status} /> },
    { key: 'owner', title: t('fields.owner'), width: 90, render: (_, c) => c.ownerName ?? '—' },
    {
      key: 'opportunity',
      title: t('fields.opportunity'),
      width: 170,
      ellipsis: true,
      render: (_, c) =>
        c.opportunityId ? (
          <Link to={`/opportunities/${c.opportunityId}`} onClick={stop}>
            {c.opportunityName}
          </Link>
        ) : (
          '—'
        ),
    },
    { key: 'updatedAt', title: t('fields.updatedAt'), width: 110, sortable: true, render: (_, c) => <DateCell at={c.updatedAt} /> },
  ];
  const chosen = useColumnChooser(list, columns, { locked: ['number'], defaults: DEFAULT_COLUMNS });
  const count = query.data && t('list.count', { total: query.data.total, count: query.data.total });

  return (
    <>
      <ListHeader list={list} title={t('list.title')} count={count} chooser={chosen.chooser} create={create} />
      <ListCard>
        <ListFilters list={list} searchPlaceholder={t('list.search')} clearCol={{ xs: 24, sm: 12, md: 8, xl: 3 }}>
          <ChoiceFilter
            list={list}
            name="status"
            placeholder={t('fields.status')}
            options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            data-testid="contract-status-filter"
          />
          <OwnerFilter list={list} placeholder={t('fields.owner')} />
          <Col xs={24} sm={12} md={8} xl={6}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              value={isBusinessDate(from) && isBusinessDate(to) ? [dateToPicker(from), dateToPicker(to)] : null}
              onChange={(range) =>
                list.update({ signedFrom: dateFromPicker(range?.[0]) ?? undefined, signedTo: dateFromPicker(range?.[1]) ?? undefined })
              }
              placeholder={[t('list.signedFrom'), t('list.signedTo')]}
              inputReadOnly={phone}
              data-testid="contract-sign-range"
            />
          </Col>
        </ListFilters>
        <ListTable<ContractRow>
          list={list}
          query={query}
          columns={columns}
          visibleColumns={chosen.visible}
          defaultSort="-updatedAt"
          card={{ title: 'title', subtitle: ['number', 'customer', 'amount', 'status', 'signDate'], body: 'progress' }}
          empty={{ text: t('list.empty'), filteredText: t('list.emptyFiltered'), create }}
          errorTitle={t('list.loadFailed')}
          onRowClick={(c) => navigate(`/contracts/${c.id}`)}
        />
      </ListCard>
    </>
  );
}
