import { CUSTOMER_TYPES } from '@contracts/customers.js';
import { StarFilled } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { formatMoney } from '../../shared/format.js';
import { ChoiceFilter, ListFilters, OwnerFilter } from '../../shared/list-kit/list-filters.js';
import { DateCell, type ListColumn, ListCard, ListHeader, ListTable, useColumnChooser, useListPage } from '../../shared/list-kit/index.js';
import { type Customer, useCustomers } from './api.js';
import { CustomerFormDrawer } from './customer-form.js';
import { useCustomerLabels } from './customer-labels.js';
import { GradeTag } from './grade-tag.js';

const FILTERS = ['q', 'industry', 'source', 'grade', 'customerType', 'ownerId', 'isKey'];
const DEFAULT_COLUMNS = ['grade', 'industry', 'customerType', 'region', 'primaryContact', 'creditLimit', 'owner', 'updatedAt'];

export function CustomerListPage() {
  const { t } = useTranslation('customers');
  const { can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const labels = useCustomerLabels();
  const list = useListPage({ name: 'customer', filters: FILTERS, imports: 'customers', exports: 'customers' });
  const [creating, setCreating] = useState(false);

  const query = useCustomers({
    ...list.paging,
    q: list.text('q'),
    industry: list.list('industry'),
    source: list.list('source'),
    grade: list.list('grade'),
    customerType: list.text('customerType'),
    ownerId: list.text('ownerId'),
    isKey: list.text('isKey'),
  });

  // The detail page's "back" returns to this exact view (filters, sort, page).
  const open = (c: Customer) => navigate(`/customers/${c.id}`, { state: { listSearch: location.search } });
  const create = { label: t('list.new'), onClick: () => setCreating(true), allowed: can('customers', 'create') };

  const columns: ListColumn<Customer>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      fixed: 'left',
      width: 240,
      sortable: true,
      render: (_, c) => (
        <Space size={4} wrap={false}>
          <Link
            to={`/customers/${c.id}`}
            state={{ listSearch: location.search }}
            onClick={(e) => e.stopPropagation()}
            style={{ fontWeight: 500 }}
          >
            {c.name}
          </Link>
          {c.isKey && <StarFilled style={{ color: '#faad14' }} title={t('detail.keyCustomer')} />}
        </Space>
      ),
    },
    { key: 'shortName', title: t('fields.shortName'), dataIndex: 'shortName', width: 120, render: (v) => v ?? '—' },
    {
      key: 'grade',
      title: t('fields.grade'),
      width: 110,
      sortable: true,
      render: (_, c) =>
        c.grade ? (
          <GradeTag
            grade={c.grade}
            label={labels.grade.label(c.grade)}
            manual={c.gradeSource === 'manual' ? t('grading.manualHint') : undefined}
          />
        ) : (
          '—'
        ),
    },
    { key: 'industry', title: t('fields.industry'), width: 110, render: (_, c) => labels.industry.label(c.industry) },
    { key: 'source', title: t('fields.source'), width: 120, render: (_, c) => labels.source.label(c.source) },
    { key: 'customerType', title: t('fields.customerType'), width: 96, render: (_, c) => labels.typeLabel(c.customerType) },
    { key: 'region', title: t('fields.region'), dataIndex: 'region', width: 110, render: (v) => v ?? '—' },
    { key: 'phone', title: t('fields.phone'), dataIndex: 'phone', width: 140, render: (v) => v ?? '—' },
    {
      key: 'primaryContact',
      title: t('fields.primaryContact'),
      width: 100,
      render: (_, c) => c.primaryContactName ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { key: 'contactCount', title: t('fields.contactCount'), dataIndex: 'contactCount', width: 90, align: 'right' },
    {
      key: 'tags',
      title: t('fields.tags'),
      width: 180,
      render: (_, c) =>
        c.tags.length ? (
          <Space size={[4, 4]} wrap>
            {c.tags.map((x) => (
              <Tag key={x}>{labels.tagLabel(x)}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      key: 'creditLimit',
      title: t('fields.creditLimit'),
      width: 140,
      align: 'right',
      sortable: true,
      className: 'money',
      render: (_, c) => formatMoney(c.creditLimit),
    },
    { key: 'owner', title: t('fields.owner'), width: 90, render: (_, c) => c.ownerName ?? '—' },
    { key: 'ownerDept', title: t('fields.ownerDept'), width: 120, render: (_, c) => c.ownerDeptName ?? '—' },
    { key: 'createdAt', title: t('fields.createdAt'), width: 116, sortable: true, render: (_, c) => <DateCell at={c.createdAt} /> },
    { key: 'updatedAt', title: t('fields.updatedAt'), width: 116, sortable: true, render: (_, c) => <DateCell at={c.updatedAt} /> },
  ];
  const chosen = useColumnChooser(list, columns, { locked: ['name'], defaults: DEFAULT_COLUMNS });

  const filterCol = { xs: 24, sm: 12, md: 8, xl: 3 };
  const typeOptions = CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }));
  const isKeyOptions = [
    { value: 'true', label: t('list.isKeyTrue') },
    { value: 'false', label: t('list.isKeyFalse') },
  ];
  const count = query.data && t('list.count', { total: query.data.total });
  return (
    <>
      <ListHeader list={list} title={t('list.title')} count={count} chooser={chosen.chooser} create={create} />
      <ListCard>
        <ListFilters list={list} searchPlaceholder={t('list.search')} filterCol={filterCol} clearCol={filterCol}>
          <ChoiceFilter
            list={list}
            name="industry"
            multiple
            searchable
            placeholder={t('fields.industry')}
            options={labels.industry.options}
          />
          <ChoiceFilter list={list} name="source" multiple searchable placeholder={t('fields.source')} options={labels.source.options} />
          <ChoiceFilter list={list} name="grade" multiple placeholder={t('fields.grade')} options={labels.grade.options} />
          <ChoiceFilter list={list} name="customerType" placeholder={t('fields.customerType')} options={typeOptions} />
          <OwnerFilter list={list} placeholder={t('fields.owner')} />
          <ChoiceFilter list={list} name="isKey" placeholder={t('list.isKeyAll')} options={isKeyOptions} />
        </ListFilters>
        <ListTable<Customer>
          list={list}
          query={query}
          columns={columns}
          visibleColumns={chosen.visible}
          card={{ title: 'name', subtitle: ['grade', 'industry', 'region', 'owner', 'updatedAt'] }}
          empty={{ text: t('list.empty'), filteredText: t('list.emptyFiltered'), create }}
          errorTitle={t('list.loadFailed')}
          onRowClick={open}
        />
      </ListCard>

      <CustomerFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(c) => open(c)} />
    </>
  );
}
