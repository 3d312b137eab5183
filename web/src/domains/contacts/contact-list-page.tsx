import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Query } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { formatDate, formatDateTime } from '../../shared/dates.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { PageHeader } from '../../shared/page-header.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type ChoosableColumn, ColumnChooser, useColumnPrefs } from '../customers/column-chooser.js';
import { PAGE_SIZES, sortOrderOf, sortParamOf, useListParams, useSearchText } from '../../shared/list-state.js';
import { type Contact, useContacts } from './api.js';
import { ContactDrawer } from './contact-drawer.js';
import { FilterBar, LoadError } from '../../shared/filter-bar.js';
import { ExportButton } from '../../shared/export-button.js';
import { ImportButton } from '../../shared/import-button.js';
import { ContactFormModal } from './contact-form.js';

const FILTERS = ['q', 'role', 'ownerId'];
const OPTIONAL_COLUMNS = [
  'customer',
  'title',
  'department',
  'role',
  'mobile',
  'phone',
  'email',
  'birthday',
  'owner',
  'createdAt',
  'updatedAt',
];
const DEFAULT_COLUMNS = ['customer', 'title', 'role', 'mobile', 'email', 'owner', 'updatedAt'];

export function ContactListPage() {
  const { t, i18n } = useTranslation('contacts');
  const { can } = useAuth();
  const role = usePicklist('contact_role');
  const lp = useListParams();
  const [creating, setCreating] = useState(false);
  const columnPrefs = useColumnPrefs('crm.contacts.columns', OPTIONAL_COLUMNS, DEFAULT_COLUMNS);

  const q = lp.text('q');
  const roleFilter = lp.text('role');
  const ownerId = lp.text('ownerId');
  // The open contact is part of the URL too, so refresh and back keep the drawer.
  const viewing = lp.text('contact');
  const filtered = FILTERS.some((k) => lp.params.has(k));
  const phone = !Grid.useBreakpoint().md;

  const query: Query = { page: lp.page, pageSize: lp.pageSize, sort: lp.sort, q, role: roleFilter, ownerId };
  const { data, isFetching, isError, error, refetch } = useContacts(query);

  const { update } = lp;
  const commitSearch = useCallback((value: string | undefined) => update({ q: value }), [update]);
  const search = useSearchText(q, commitSearch);
  const view = (id: string | undefined) => update({ contact: id, page: lp.page === 1 ? undefined : lp.page });

  const dash = (v: string | null) => v || '—';
  const allColumns: (ColumnsType<Contact>[number] & { key: string })[] = [
    {
      key: 'name',
      title: t('fields.name'),
      fixed: phone ? undefined : 'left',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'name'),
      render: (_, c) => (
        <Space size={6} wrap={false}>
          <Typography.Link style={{ fontWeight: 500 }}>{c.name}</Typography.Link>
          {c.isPrimary && <Tag color="blue">{t('detail.primary')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'customer',
      title: t('fields.customer'),
      width: 220,
      render: (_, c) => (
        <Link to={`/customers/${c.customerId}`} onClick={(e) => e.stopPropagation()}>
          {c.customerName}
        </Link>
      ),
    },
    { key: 'title', title: t('fields.title'), width: 110, render: (_, c) => dash(c.title) },
    { key: 'department', title: t('fields.department'), width: 110, render: (_, c) => dash(c.department) },
    { key: 'role', title: t('fields.role'), width: 100, render: (_, c) => role.label(c.role) },
    { key: 'mobile', title: t('fields.mobile'), width: 120, render: (_, c) => dash(c.mobile) },
    { key: 'phone', title: t('fields.phone'), width: 140, render: (_, c) => dash(c.phone) },
    { key: 'email', title: t('fields.email'), width: 190, render: (_, c) => dash(c.email) },
    { key: 'birthday', title: t('fields.birthday'), width: 110, render: (_, c) => dash(c.birthday) },
    { key: 'owner', title: t('fields.owner'), width: 90, render: (_, c) => dash(c.ownerName) },
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
  const columns: ColumnsType<Contact> = allColumns.filter((c) => c.key === 'name' || columnPrefs.visible.includes(c.key));
  const choosable: ChoosableColumn[] = [
    { key: 'name', label: t('fields.name'), locked: true },
    ...OPTIONAL_COLUMNS.map((k) => ({ key: k, label: t(`fields.${k}`) })),
  ];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        sub={data ? t('list.count', { total: data.total }) : undefined}
        extra={
          <Space wrap>
            <ImportButton entity="contacts" module="contacts" />
            <ExportButton entity="contacts" module="contacts" params={Object.fromEntries(lp.params)} />
            <ColumnChooser
              columns={choosable}
              visible={columnPrefs.visible}
              onChange={columnPrefs.setVisible}
              onReset={columnPrefs.reset}
              testId="contact-columns"
            />
            {can('contacts', 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="contact-new">
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
          searchTestId="contact-search"
          searchCol={{ xs: 24, md: 12, xl: 8 }}
          activeFilters={FILTERS.filter((k) => k !== 'q' && lp.params.has(k)).length}
          onClear={filtered ? () => lp.clear(FILTERS) : undefined}
          clearCol={{ xs: 24, sm: 12, md: 6, xl: 4 }}
        >
          <Col xs={12} md={6} xl={4}>
            <Select
              allowClear
              placeholder={t('fields.role')}
              value={roleFilter}
              onChange={(v) => update({ role: v })}
              options={role.options}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <OwnerSelect
              placeholder={t('fields.owner')}
              value={ownerId}
              onChange={(v) => update({ ownerId: v })}
              style={{ width: '100%' }}
            />
          </Col>
        </FilterBar>

        {isError && <LoadError title={t('list.loadFailed')} error={error} onRetry={() => void refetch()} />}

        <Table<Contact>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          onRow={(c) => ({ onClick: () => view(c.id), style: { cursor: 'pointer' } })}
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
          }}
          locale={{
            emptyText:
              isFetching || isError ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('list.emptyFiltered') : t('list.empty')}>
                  {filtered && <Button onClick={() => lp.clear(FILTERS)}>{t('list.clearFilters')}</Button>}
                </Empty>
              ),
          }}
          data-testid="contact-table"
        />
      </Card>

      <ContactDrawer contactId={viewing} onClose={() => view(undefined)} />
      <ContactFormModal open={creating} onClose={() => setCreating(false)} onSaved={(c) => view(c.id)} />
    </>
  );
}
