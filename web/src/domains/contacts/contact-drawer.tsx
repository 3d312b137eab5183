import { DeleteOutlined, EditOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Divider, Drawer, Grid, Popconfirm, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../shared/dates.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';
import { type Contact, useContact, useDeleteContact } from './api.js';
import { ContactFormModal } from './contact-form.js';
import { useContactLabels } from './contact-labels.js';

/** A contact's details, history and edit / delete, in a drawer over the list it was opened from. */
export function ContactDrawer({ contactId, onClose }: { contactId: string | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation('contacts');
  const { can } = useAuth();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const { data, isLoading, error, refetch } = useContact(contactId);
  // While the drawer slides out (contactId gone), it keeps showing the contact it had.
  const [last, setLast] = useState<Contact>();
  if (data && data !== last) setLast(data);
  const contact = contactId ? data : last;
  const labels = useContactLabels(contact);
  const del = useDeleteContact();
  const [editing, setEditing] = useState(false);

  const remove = async (c: Contact) => {
    try {
      await del.mutateAsync(c);
      message.success(t('common:deleted'));
      onClose();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const dash = (v: string | null | undefined) => v || '—';
  const body = () => {
    if (isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
    if (!contact) {
      const missing = error instanceof ApiError && error.status === 404;
      return (
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? '404' : t('common:loadFailed')}
          subTitle={missing ? t('common:notFound') : error?.message}
          extra={!missing && <Button onClick={() => void refetch()}>{t('common:actions.reload')}</Button>}
        />
      );
    }
    return (
      <>
        <Descriptions
          column={1}
          size="small"
          bordered
          styles={{ label: { width: 110 } }}
          items={[
            {
              key: 'customer',
              label: t('fields.customer'),
              children: (
                <Link to={`/customers/${contact.customerId}`} onClick={onClose}>
                  {contact.customerName}
                </Link>
              ),
            },
            { key: 'title', label: t('fields.title'), children: dash(contact.title) },
            { key: 'department', label: t('fields.department'), children: dash(contact.department) },
            { key: 'role', label: t('fields.role'), children: labels.role.label(contact.role) },
            {
              key: 'mobile',
              label: t('fields.mobile'),
              children: contact.mobile ? (
                <a href={`tel:${contact.mobile}`} title={t('detail.call')}>
                  <PhoneOutlined /> {contact.mobile}
                </a>
              ) : (
                '—'
              ),
            },
            {
              key: 'phone',
              label: t('fields.phone'),
              children: contact.phone ? <a href={`tel:${contact.phone}`}>{contact.phone}</a> : '—',
            },
            {
              key: 'email',
              label: t('fields.email'),
              children: contact.email ? (
                <a href={`mailto:${contact.email}`} title={t('detail.mail')}>
                  <MailOutlined /> {contact.email}
                </a>
              ) : (
                '—'
              ),
            },
            { key: 'birthday', label: t('fields.birthday'), children: dash(contact.birthday) },
            { key: 'isPrimary', label: t('fields.isPrimary'), children: contact.isPrimary ? t('common:yes') : t('common:no') },
            { key: 'owner', label: t('fields.owner'), children: dash(contact.ownerName) },
            { key: 'createdAt', label: t('fields.createdAt'), children: formatDateTime(contact.createdAt, i18n.language) },
            { key: 'updatedAt', label: t('fields.updatedAt'), children: formatDateTime(contact.updatedAt, i18n.language) },
            {
              key: 'notes',
              label: t('fields.notes'),
              children: contact.notes ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{contact.notes}</Typography.Paragraph>
              ) : (
                '—'
              ),
            },
          ]}
        />
        <Divider titlePlacement="start" plain>
          {t('detail.historyTitle')}
        </Divider>
        <HistoryTimeline plural="contacts" id={contact.id} fieldLabel={labels.historyFieldLabel} valueLabel={labels.historyValueLabel} />
      </>
    );
  };

  return (
    <>
      <Drawer
        open={!!contactId}
        onClose={onClose}
        size={screens.md ? 560 : '100%'}
        title={
          contact ? (
            <Space size={8}>
              <span data-testid="contact-detail-name">{contact.name}</span>
              {contact.isPrimary && <Tag color="blue">{t('detail.primary')}</Tag>}
            </Space>
          ) : (
            t('detail.title')
          )
        }
        extra={
          contact && (
            <Space>
              {can('contacts', 'edit') && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="contact-edit">
                  {t('common:actions.edit')}
                </Button>
              )}
              {can('contacts', 'delete') && (
                <Popconfirm
                  title={t('common:confirmDelete', { name: contact.name })}
                  okText={t('common:actions.delete')}
                  cancelText={t('common:actions.cancel')}
                  okButtonProps={{ danger: true, loading: del.isPending }}
                  onConfirm={() => remove(contact)}
                >
                  <Button danger icon={<DeleteOutlined />} data-testid="contact-delete">
                    {t('common:actions.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      >
        {(contactId || last) && body()}
      </Drawer>
      {contact && <ContactFormModal open={editing} contact={contact} onClose={() => setEditing(false)} />}
    </>
  );
}
