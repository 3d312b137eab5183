import { Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { ChoiceFilter, ListFilters, OwnerFilter } from '../../shared/list-kit/list-filters.js';
import { DateCell, type ListColumn, ListCard, ListHeader, ListTable, useColumnChooser, useListPage } from '../../shared/list-kit/index.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type Contact, useContacts } from './api.js';
import { ContactDrawer } from './contact-drawer.js';
import { ContactFormModal } from './contact-form.js';

const FILTERS = ['q', 'role', 'ownerId'];
const DEFAULT_COLUMNS = ['customer', 'title', 'role', 'mobile', 'email', 'owner', 'updatedAt'];

export function ContactListPage() {
  const { t } = useTranslation('contacts');
  const { can } = useAuth();
  const role = usePicklist('contact_role');
  const list = useListPage({ name: 'contact', filters: FILTERS, imports: 'contacts', exports: 'contacts' });
  const { update } = list;
  const [creating, setCreating] = useState(false);

  // The open contact is part of the URL too, so refresh and back keep the drawer.
  const viewing = list.text('contact');
  const query = useContacts({ ...list.paging, q: list.text('q'), role: list.text('role'), ownerId: list.text('ownerId') });
  const view = (id: string | undefined) => update({ contact: id, page: list.page === 1 ? undefined : list.page });
  const create = { label: t('list.new'), onClick: () => setCreating(true), allowed: can('contacts', 'create') };

  const dash = (v: string | null) => v || '—';
  const columns: ListColumn<Contact>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      fixed: 'left',
      width: 140,
      sortable: true,
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
    { key: 'createdAt', title: t('fields.createdAt'), width: 116, sortable: true, render: (_, c) => <DateCell at={c.createdAt} /> },
    { key: 'updatedAt', title: t('fields.updatedAt'), width: 116, sortable: true, render: (_, c) => <DateCell at={c.updatedAt} /> },
  ];
  const chosen = useColumnChooser(list, columns, { locked: ['name'], defaults: DEFAULT_COLUMNS });

  const count = query.data && t('list.count', { total: query.data.total });
  return (
    <>
      <ListHeader list={list} title={t('list.title')} count={count} chooser={chosen.chooser} create={create} />
      <ListCard>
        <ListFilters
          list={list}
          searchPlaceholder={t('list.search')}
          searchCol={{ xs: 24, md: 12, xl: 8 }}
          clearCol={{ xs: 24, sm: 12, md: 6, xl: 4 }}
          filterCol={{ xs: 12, md: 6, xl: 4 }}
        >
          <ChoiceFilter list={list} name="role" placeholder={t('fields.role')} options={role.options} />
          <OwnerFilter list={list} placeholder={t('fields.owner')} />
        </ListFilters>
        <ListTable<Contact>
          list={list}
          query={query}
          columns={columns}
          visibleColumns={chosen.visible}
          card={{ title: 'name', subtitle: ['customer', 'title', 'mobile'] }}
          empty={{ text: t('list.empty'), filteredText: t('list.emptyFiltered'), create }}
          errorTitle={t('list.loadFailed')}
          onRowClick={(c) => view(c.id)}
        />
      </ListCard>

      <ContactDrawer contactId={viewing} onClose={() => view(undefined)} />
      <ContactFormModal open={creating} onClose={() => setCreating(false)} onSaved={(c) => view(c.id)} />
    </>
  );
}
