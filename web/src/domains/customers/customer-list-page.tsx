import { CUSTOMER_TYPES } from '@contracts/customers.js';
import { PlusOutlined, StarFilled } from '@ant-design/icons';
import { Button, Card, Col, Empty, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import type { Query } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { formatDate, formatDateTime } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { PageHeader } from '../../shared/page-header.js';
import { type Customer, useCustomers } from './api.js';
import { type ChoosableColumn, ColumnChooser, useColumnPrefs } from './column-chooser.js';
import { CustomerFormDrawer } from './customer-form.js';
import { GradeTag } from './grade-tag.js';
import { useCustomerLabels } from './customer-labels.js';
import { FilterBar, LoadError, MultiFilter } from '../../shared/filter-bar.js';
import { ExportButton } from '../../shared/export-button.js';
import { ImportButton } from '../../shared/import-button.js';
import { PAGE_SIZES, sortOrderOf, sortParamOf, useListParams, useSearchText } from '../../shared/list-state.js';

const FILTERS = ['q', 'industry', 'source', 'grade', 'customerType', 'ownerId', 'isKey'];

const OPTIONAL_COLUMNS = [
  'shortName',
  'grade',
  'industry',
  'source',
  'customerType',
  'region',
  'phone',
  'primaryContact',
  'contactCount',
  'tags',
  'creditLimit',
  'owner',
  'ownerDept',
  'createdAt',
  'updatedAt',
] as const;
const DEFAULT_COLUMNS = ['grade', 'industry', 'customerType', 'region', 'primaryContact', 'creditLimit', 'owner', 'updatedAt'];

export function CustomerListPage() {
  const { t, i18n } = useTranslation('customers');
  const { can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const labels = useCustomerLabels();
  const lp = useListParams();
  const [creating, setCreating] = useState(false);
  const columnPrefs = useColumnPrefs('crm.customers.columns', [...OPTIONAL_COLUMNS], DEFAULT_COLUMNS);

  const q = lp.text('q');
  const industry = lp.list('industry');
  const source = lp.list('source');
  const grade = lp.list('grade');
  const customerType = lp.text('customerType');
  const ownerId = lp.text('ownerId');
  const isKey = lp.text('isKey');
  const filtered = FILTERS.some((k) => lp.params.has(k));
  // On a phone the filters fold away behind one button; the search box stays.
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const activeFilters = FILTERS.filter((k) => k !== 'q' && lp.params.has(k)).length;

  const query: Query = { page: lp.page, pageSize: lp.pageSize, sort: lp.sort, q, industry, source, grade, customerType, ownerId, isKey };
  const { data, isFetching, isError, error, refetch } = useCustomers(query);

  const { update } = lp;
  const commitSearch = useCallback((value: string | undefined) => update({ q: value }), [update]);
  const search = useSearchText(q, commitSearch);

  // The detail page's "back" returns to this exact view (filters, sort, page).
  const open = (c: Customer) => navigate(`/customers/${c.id}`, { state: { listSearch: location.search } });

  const allColumns: (ColumnsType<Customer>[number] & { key: string })[] = [
    {
      key: 'name',
      title: t('fields.name'),
      fixed: phone ? undefined : 'left',
      width: 240,
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'name'),
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
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'grade'),
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
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'creditLimit'),
      className: 'money',
      render: (_, c) => formatMoney(c.creditLimit),
    },
    { key: 'owner', title: t('fields.owner'), width: 90, render: (_, c) => c.ownerName ?? '—' },
    { key: 'ownerDept', title: t('fields.ownerDept'), width: 120, render: (_, c) => c.ownerDeptName ?? '—' },
    {
      key: 'createdAt',
      title: t('fields.createdAt'),
      width: 116,
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'createdAt'),
      render: (_, c) => <span title={formatDateTime(c.createdAt, i18n.language)}>{formatDate(c.createdAt, i18n.language)}</span>,
    },
    {
      key: 'updatedAt',
      title: t('fields.updatedAt'),
      width: 116,
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'updatedAt'),
      render: (_, c) => <span title={formatDateTime(c.updatedAt, i18n.language)}>{formatDate(c.updatedAt, i18n.language)}</span>,
    },
  ];
  const columns: ColumnsType<Customer> = allColumns.filter((c) => c.key === 'name' || columnPrefs.visible.includes(c.key));

  const choosable: ChoosableColumn[] = [
    { key: 'name', label: t('fields.name'), locked: true },
    ...OPTIONAL_COLUMNS.map((k) => ({ key: k, label: t(k === 'owner' ? 'fields.owner' : `fields.${k}`) })),
  ];

  const filterCol = { xs: 24, sm: 12, md: 8, xl: 3 };
  return (
    <>
      <PageHeader
        title={t('list.title')}
        sub={data ? t('list.count', { total: data.total }) : undefined}
        extra={
          <Space wrap>
            <ImportButton entity="customers" module="customers" />
            <ExportButton entity="customers" module="customers" params={Object.fromEntries(lp.params)} />
            <ColumnChooser
              columns={choosable}
              visible={columnPrefs.visible}
              onChange={columnPrefs.setVisible}
              onReset={columnPrefs.reset}
              testId="customer-columns"
            />
            {can('customers', 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-new">
                {t('list.new')}
              </Button>
            )}
          </Space>
        }
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <FilterBar
          search={search}
          searchPlaceholder={t('list.search')}
          searchTestId="customer-search"
          searchCol={{ xs: 24, md: 16, xl: 6 }}
          activeFilters={activeFilters}
          onClear={filtered ? () => lp.clear(FILTERS) : undefined}
          clearCol={{ xs: 24, sm: 12, md: 8, xl: 3 }}
        >
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
        </FilterBar>

        {isError && <LoadError title={t('list.loadFailed')} error={error} onRetry={() => void refetch()} />}

        <Table<Customer>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          onRow={(c) => ({ onClick: () => open(c), style: { cursor: 'pointer' } })}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') update({ sort: sortParamOf(sorter) });
            else if (extra.action === 'paginate') update({ page: pagination.current, pageSize: pagination.pageSize });
          }}
          pagination={{
            current: data?.page ?? lp.page,
            pageSize: lp.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => t('common:total', { total }),
            responsive: true,
          }}
          locale={{
            emptyText:
              isFetching || isError ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('list.emptyFiltered') : t('list.empty')}>
                  {filtered ? (
                    <Button onClick={() => lp.clear(FILTERS)}>{t('list.clearFilters')}</Button>
                  ) : (
                    can('customers', 'create') && (
                      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                        {t('list.new')}
                      </Button>
                    )
                  )}
                </Empty>
              ),
          }}
          data-testid="customer-table"
        />
      </Card>

      <CustomerFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(c) => open(c)} />
    </>
  );
}
