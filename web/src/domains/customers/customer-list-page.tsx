import { CUSTOMER_TYPES } from '@contracts/customers.js';
import { StarFilled } from '@ant-design/icons';
import { Col, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { MultiFilter } from '../../shared/filter-bar.js';
import { formatMoney } from '../../shared/format.js';
import {
  DateCell,
  type ListColumn,
  ListCard,
  ListFilters,
  ListHeader,
  ListTable,
  useColumnChooser,
  useListPage,
} from '../../shared/list-kit/index.js';
import { OwnerSelect } from '../../shared/owner-select.js';
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
  const { update } = list;
  const [creating, setCreating] = useState(false);

  const industry = list.list('industry');
  const source = list.list('source');
  const grade = list.list('grade');
  const customerType = list.text('customerType');
  const ownerId = list.text('ownerId');
  const isKey = list.text('isKey');
  const query = useCustomers({ ...list.paging, q: list.text('q'), industry, source, grade, customerType, ownerId, isKey });

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
  const count = query.data && t('list.count', { total: query.data.total });
  return (
    <>
      <ListHeader list={list} title={t('list.title')} count={count} chooser={chosen.chooser} create={create} />
      <ListCard>
        <ListFilters list={list} searchPlaceholder={t('list.search')} clearCol={{ xs: 24, sm: 12, md: 8, xl: 3 }}>
          <Col {...filterCol}>
            <MultiFilter
              placeholder={t('fields.industry')}
              value={industry}
              onChange={(v) => update({ industry: v })}
              options={labels.industry.options}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Col>
          <Col {...filterCol}>
            <MultiFilter
              placeholder={t('fields.source')}
              value={source}
              onChange={(v) => update({ source: v })}
              options={labels.source.options}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Col>
          <Col {...filterCol}>
            <MultiFilter
              placeholder={t('fields.grade')}
              value={grade}
              onChange={(v) => update({ grade: v })}
              options={labels.grade.options}
            />
          </Col>
          <Col {...filterCol}>
            <Select
              allowClear
              placeholder={t('fields.customerType')}
              value={customerType}
              onChange={(v) => update({ customerType: v })}
              options={CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col {...filterCol}>
            <OwnerSelect
              placeholder={t('fields.owner')}
              value={ownerId}
              onChange={(v) => update({ ownerId: v })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col {...filterCol}>
            <Select
              allowClear
              placeholder={t('list.isKeyAll')}
              value={isKey}
              onChange={(v) => update({ isKey: v })}
              options={[
                { value: 'true', label: t('list.isKeyTrue') },
                { value: 'false', label: t('list.isKeyFalse') },
              ]}
              style={{ width: '100%' }}
            />
          </Col>
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
