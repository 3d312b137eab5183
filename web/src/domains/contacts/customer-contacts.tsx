import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Grid, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type Contact, useContacts, useDeleteContact } from './api.js';
import { ContactDrawer } from './contact-drawer.js';
import { ContactFormModal } from './contact-form.js';

const PAGE_SIZE = 20;

/** The 联系人 tab of a customer: its people, added, edited and removed in place. */
export function CustomerContacts({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation('contacts');
  const { can } = useAuth();
  const { message } = App.useApp();
  const role = usePicklist('contact_role');
  const phone = !Grid.useBreakpoint().md;
  const del = useDeleteContact();
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ open: boolean; contact?: Contact }>({ open: false });
  const [viewing, setViewing] = useState<string>();
  const { data, isFetching } = useContacts({ customerId: customer.id, page, pageSize: PAGE_SIZE, sort: 'createdAt' });

  const remove = async (c: Contact) => {
    try {
      await del.mutateAsync(c);
      message.success(t('common:deleted'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const dash = (v: string | null) => v || '—';
  const columns: ColumnsType<Contact> = [
    {
      key: 'name',
      title: t('fields.name'),
      fixed: phone ? undefined : 'left',
      width: 150,
      render: (_, c) => (
        <Space size={6} wrap={false}>
          <Typography.Link>{c.name}</Typography.Link>
          {c.isPrimary && <Tag color="blue">{t('detail.primary')}</Tag>}
        </Space>
      ),
    },
    { key: 'role', title: t('fields.role'), width: 110, render: (_, c) => role.label(c.role) },
    { key: 'title', title: t('fields.title'), width: 120, render: (_, c) => dash(c.title) },
    { key: 'department', title: t('fields.department'), width: 110, render: (_, c) => dash(c.department) },
    { key: 'mobile', title: t('fields.mobile'), width: 130, render: (_, c) => dash(c.mobile) },
    { key: 'phone', title: t('fields.phone'), width: 140, render: (_, c) => dash(c.phone) },
    { key: 'email', title: t('fields.email'), width: 200, render: (_, c) => dash(c.email) },
  ];
  if (can('contacts', 'edit') || can('contacts', 'delete')) {
    columns.push({
      key: 'actions',
      title: t('tab.actions'),
      fixed: 'right',
      width: 100,
      render: (_, c) => (
        // Buttons here act on the row; they must not also open the drawer.
        // biome-ignore lint/a11y/noStaticElementInteractions: only stops the click from reaching the row
        // biome-ignore lint/a11y/useKeyWithClickEvents: the buttons inside carry the keyboard interaction
        <span onClick={(e) => e.stopPropagation()}>
          <Space size={0}>
            {can('contacts', 'edit') && (
              <Tooltip title={t('common:actions.edit')}>
                <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setForm({ open: true, contact: c })} />
              </Tooltip>
            )}
            {can('contacts', 'delete') && (
              <Popconfirm
                title={t('common:confirmDelete', { name: c.name })}
                okText={t('common:actions.delete')}
                cancelText={t('common:actions.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(c)}
              >
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common:actions.delete')} />
              </Popconfirm>
            )}
          </Space>
        </span>
      ),
    });
  }

  return (
    <>
      {can('contacts', 'create') && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })} data-testid="contact-new">
            {t('list.new')}
          </Button>
        </div>
      )}
      <Table<Contact>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        onRow={(c) => ({ onClick: () => setViewing(c.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => t('common:total', { total }),
          onChange: setPage,
        }}
        locale={{
          emptyText: isFetching ? (
            <div style={{ height: 80 }} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tab.empty')} />
          ),
        }}
        data-testid="customer-contacts"
      />
      <ContactFormModal open={form.open} contact={form.contact} customer={customer} onClose={() => setForm({ open: false })} />
      <ContactDrawer contactId={viewing} onClose={() => setViewing(undefined)} />
    </>
  );
}
