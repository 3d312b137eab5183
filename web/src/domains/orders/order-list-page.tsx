import { ORDER_STATUSES } from '@contracts/orders.js';
import { Col, DatePicker, Grid, Space } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { dateFromPicker, dateToPicker, isBusinessDate } from '../../shared/dates.js';
import { CustomerSelect } from '../../shared/form-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { ChoiceFilter, ListFilters, OwnerFilter } from '../../shared/list-kit/list-filters.js';
import { DateCell, type ListColumn, ListCard, ListHeader, ListTable, useColumnChooser, useListPage } from '../../shared/list-kit/index.js';
import { type OrderRow, useCustomerName, useOrders } from './api.js';
import { shortQty } from './order-draft.js';
import { DeliveryProgress, OrderStatusTag } from './order-labels.js';

// The URL's names are the API's, so the export takes the list's filters as they are.
const FILTERS = ['q', 'status', 'customerId', 'ownerId', 'dateFrom', 'dateTo'];
const DEFAULT_COLUMNS = ['customer', 'orderDate', 'total', 'progress', 'nextRequiredDate', 'status', 'owner'];

/** M2: every order the caller may see — customer, date, amount, how much has gone out, the next date due. */
export function OrderListPage() {
  const { t } = useTranslation('orders');
  const { can } = useAuth();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const list = useListPage({ name: 'order', filters: FILTERS, uncounted: ['dateTo'], exports: 'orders' });
  const from = list.text('dateFrom');
  const to = list.text('dateTo');
  const query = useOrders({
    ...list.paging,
    q: list.text('q'),
    status: list.text('status'),
    customerId: list.text('customerId'),
    ownerId: list.text('ownerId'),
    dateFrom: isBusinessDate(from) ? from : undefined,
    dateTo: isBusinessDate(to) ? to : undefined,
  });
  const customer = useCustomerName(list.text('customerId') || undefined);
  const create = { label: t('list.new'), onClick: () => navigate('/orders/new'), allowed: can('orders', 'create') };
  const stop = (e: MouseEvent) => e.stopPropagation();

  const columns: ListColumn<OrderRow>[] = [
    {
      key: 'number',
      title: t('fields.number'),
      fixed: 'left',
      width: 150,
      sortable: true,
      render: (_, o) => (
        <Link to={`/orders/${o.id}`} onClick={stop} style={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
          {o.number}
        </Link>
      ),
    },
    {
      key: 'customer',
      title: t('fields.customer'),
      width: 200,
      ellipsis: true,
      render: (_, o) => (
        <Link to={`/customers/${o.customerId}`} onClick={stop}>
          {o.customerName}
        </Link>
      ),
    },
    { key: 'orderDate', title: t('fields.orderDate'), width: 110, sortable: true, render: (_, o) => o.orderDate },
    {
      key: 'total',
      title: t('fields.total'),
      width: 140,
      align: 'right',
      className: 'money',
      sortable: true,
      render: (_, o) => formatMoney(o.total),
    },
    {
      key: 'progress',
      title: t('fields.progress'),
      width: 150,
      render: (_, o) => <DeliveryProgress quantity={o.quantity} delivered={o.delivered} />,
    },
    {
      key: 'undelivered',
      title: t('line.undelivered'),
      width: 90,
      align: 'right',
      render: (_, o) => shortQty(o.undelivered),
    },
    { key: 'nextRequiredDate', title: t('fields.nextRequiredDate'), width: 110, render: (_, o) => o.nextRequiredDate ?? '—' },
    { key: 'status', title: t('fields.status'), width: 96, render: (_, o) => <OrderStatusTag status={o.status} /> },
    { key: 'owner', title: t('fields.owner'), width: 90, render: (_, o) => o.ownerName ?? '—' },
    { key: 'contract', title: t('fields.contract'), width: 150, render: (_, o) => o.contractNumber ?? '—' },
    { key: 'updatedAt', title: t('fields.updatedAt'), width: 110, sortable: true, render: (_, o) => <DateCell at={o.updatedAt} /> },
  ];
  const chosen = useColumnChooser(list, columns, { locked: ['number'], defaults: DEFAULT_COLUMNS });
  const count = query.data && (
    <Space size={12} wrap>
      <span>{t('list.count', { total: query.data.total, count: query.data.total })}</span>
      <span data-testid="order-list-amount">
        {t('list.amountTotal')} <strong>{formatMoney(query.data.amountTotal)}</strong>
      </span>
    </Space>
  );

  return (
    <>
      <ListHeader list={list} title={t('list.title')} count={count} chooser={chosen.chooser} create={create} />
      <ListCard>
        <ListFilters list={list} searchPlaceholder={t('list.search')} clearCol={{ xs: 24, sm: 12, md: 8, xl: 3 }}>
          <ChoiceFilter
            list={list}
            name="status"
            placeholder={t('fields.status')}
            options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            data-testid="order-status-filter"
          />
          <Col xs={24} sm={12} md={8} xl={5}>
            <CustomerSelect
              allowClear
              style={{ width: '100%' }}
              placeholder={t('list.customer')}
              value={list.text('customerId') || undefined}
              current={customer.data ?? null}
              onChange={(v) => list.update({ customerId: v ?? undefined })}
              data-testid="order-customer-filter"
            />
          </Col>
          <OwnerFilter list={list} placeholder={t('fields.owner')} />
          <Col xs={24} sm={12} md={8} xl={6}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              value={isBusinessDate(from) && isBusinessDate(to) ? [dateToPicker(from), dateToPicker(to)] : null}
              onChange={(range) =>
                list.update({ dateFrom: dateFromPicker(range?.[0]) ?? undefined, dateTo: dateFromPicker(range?.[1]) ?? undefined })
              }
              placeholder={[t('list.dateFrom'), t('list.dateTo')]}
              inputReadOnly={phone}
              data-testid="order-date-range"
            />
          </Col>
        </ListFilters>
        <ListTable<OrderRow>
          list={list}
          query={query}
          columns={columns}
          visibleColumns={chosen.visible}
          defaultSort="-orderDate"
          card={{ title: 'customer', subtitle: ['number', 'total', 'status', 'orderDate'], body: 'progress' }}
          empty={{ text: t('list.empty'), filteredText: t('list.emptyFiltered'), create }}
          errorTitle={t('list.loadFailed')}
          onRowClick={(o) => navigate(`/orders/${o.id}`)}
        />
      </ListCard>
    </>
  );
}
