import { EXPENSE_STATUSES } from '@contracts/expenses.js';
import { Col, DatePicker, Grid, Segmented } from 'antd';
import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { dateFromPicker, dateToPicker, isBusinessDate } from '../../shared/dates.js';
import { CustomerSelect } from '../../shared/form-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { ChoiceFilter, ListFilters, OwnerFilter } from '../../shared/list-kit/list-filters.js';
import { DateCell, type ListColumn, ListCard, ListHeader, ListTable, useColumnChooser, useListPage } from '../../shared/list-kit/index.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type ExpenseRow, useExpenses } from './api.js';
import { ExpenseFormDrawer } from './expense-form.js';
import { ExpenseStatusTag } from './expense-labels.js';

// The URL's names are the API's, so the export takes the list's filters as they are.
const FILTERS = ['q', 'status', 'category', 'customerId', 'ownerId', 'mine', 'spentFrom', 'spentTo'];
const DEFAULT_COLUMNS = ['spentOn', 'customer', 'category', 'amount', 'status', 'owner', 'description'];

/** M4 费用报销: the claims the caller may see — a rep his own, a manager 我的 / 部门, finance everyone's. */
export function ExpenseListPage() {
  const { t } = useTranslation('expenses');
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const [creating, setCreating] = useState(false);
  const categories = usePicklist('expense_category');
  const list = useListPage({ name: 'expense', filters: FILTERS, uncounted: ['spentTo'], exports: 'expenses' });
  const from = list.text('spentFrom');
  const to = list.text('spentTo');
  const mine = list.text('mine') === 'true';
  const query = useExpenses({
    ...list.paging,
    q: list.text('q'),
    status: list.text('status'),
    category: list.text('category'),
    customerId: list.text('customerId'),
    ownerId: list.text('ownerId'),
    mine: mine ? 'true' : undefined,
    spentFrom: isBusinessDate(from) ? from : undefined,
    spentTo: isBusinessDate(to) ? to : undefined,
  });
  const create = { label: t('list.new'), onClick: () => setCreating(true), allowed: can('expenses', 'create') };
  const stop = (e: MouseEvent) => e.stopPropagation();
  // 我的 vs 部门 (or 全部): only for those whose scope reaches beyond their own claims.
  const wide = me?.scope === 'department' || me?.scope === 'all';

  const columns: ListColumn<ExpenseRow>[] = [
    {
      key: 'number',
      title: t('fields.number'),
      fixed: 'left',
      width: 150,
      sortable: true,
      render: (_, e) => (
        <Link to={`/expenses/${e.id}`} onClick={stop} style={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
          {e.number}
        </Link>
      ),
    },
    { key: 'spentOn', title: t('fields.spentOn'), width: 110, sortable: true, render: (_, e) => e.spentOn },
    {
      key: 'customer',
      title: t('fields.customer'),
      width: 190,
      ellipsis: true,
      render: (_, e) => (
        <Link to={`/customers/${e.customerId}`} onClick={stop}>
          {e.customerName}
        </Link>
      ),
    },
    { key: 'category', title: t('fields.category'), width: 100, render: (_, e) => categories.label(e.category) },
    {
      key: 'amount',
      title: t('fields.amount'),
      width: 130,
      align: 'right',
      className: 'money',
      sortable: true,
      render: (_, e) => formatMoney(e.amount),
    },
    { key: 'status', title: t('fields.status'), width: 90, render: (_, e) => <ExpenseStatusTag status={e.status} /> },
    { key: 'owner', title: t('fields.owner'), width: 90, render: (_, e) => e.ownerName ?? '—' },
    { key: 'description', title: t('fields.description'), width: 240, ellipsis: true, render: (_, e) => e.description },
    {
      key: 'opportunity',
      title: t('fields.opportunity'),
      width: 160,
      ellipsis: true,
      render: (_, e) => (e.opportunityId ? <Link to={`/opportunities/${e.opportunityId}`}>{e.opportunityName}</Link> : '—'),
    },
    {
      key: 'contract',
      title: t('fields.contract'),
      width: 150,
      render: (_, e) => (e.contractId ? <Link to={`/contracts/${e.contractId}`}>{e.contractNumber}</Link> : '—'),
    },
    { key: 'updatedAt', title: t('fields.updatedAt'), width: 110, sortable: true, render: (_, e) => <DateCell at={e.updatedAt} /> },
  ];
  const chosen = useColumnChooser(list, columns, { locked: ['number'], defaults: DEFAULT_COLUMNS });
  const count = query.data && t('list.count', { total: query.data.total, count: query.data.total });

  return (
    <>
      <ListHeader
        list={list}
        title={t('list.title')}
        count={count}
        chooser={chosen.chooser}
        create={create}
        extra={
          wide && (
            <Segmented
              value={mine ? 'mine' : 'scope'}
              onChange={(v) => list.update({ mine: v === 'mine' ? 'true' : undefined })}
              options={[
                { value: 'mine', label: t('list.mine') },
                { value: 'scope', label: me?.scope === 'all' ? t('list.all') : t('list.team') },
              ]}
              data-testid="expense-scope"
            />
          )
        }
      />
      <ListCard>
        <ListFilters list={list} searchPlaceholder={t('list.search')} clearCol={{ xs: 24, sm: 12, md: 8, xl: 3 }}>
          <ChoiceFilter
            list={list}
            name="status"
            placeholder={t('fields.status')}
            options={EXPENSE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            data-testid="expense-status-filter"
          />
          <ChoiceFilter list={list} name="category" placeholder={t('fields.category')} options={categories.options} />
          <Col xs={24} sm={12} md={8} xl={4}>
            <CustomerSelect
              allowClear
              placeholder={t('fields.customer')}
              value={list.text('customerId')}
              onChange={(v) => list.update({ customerId: v ?? undefined })}
              style={{ width: '100%' }}
            />
          </Col>
          {wide && !mine && <OwnerFilter list={list} placeholder={t('fields.owner')} />}
          <Col xs={24} sm={12} md={8} xl={5}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              value={isBusinessDate(from) && isBusinessDate(to) ? [dateToPicker(from), dateToPicker(to)] : null}
              onChange={(range) =>
                list.update({ spentFrom: dateFromPicker(range?.[0]) ?? undefined, spentTo: dateFromPicker(range?.[1]) ?? undefined })
              }
              placeholder={[t('list.spentFrom'), t('list.spentTo')]}
              inputReadOnly={phone}
            />
          </Col>
        </ListFilters>
        <ListTable<ExpenseRow>
          list={list}
          query={query}
          columns={columns}
          visibleColumns={chosen.visible}
          defaultSort="-spentOn"
          card={{ title: 'customer', subtitle: ['number', 'amount', 'status', 'spentOn'], body: 'description' }}
          empty={{ text: t('list.empty'), filteredText: t('list.emptyFiltered'), create }}
          errorTitle={t('list.loadFailed')}
          onRowClick={(e) => navigate(`/expenses/${e.id}`)}
        />
      </ListCard>
      <ExpenseFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(e) => navigate(`/expenses/${e.id}`)} />
    </>
  );
}
