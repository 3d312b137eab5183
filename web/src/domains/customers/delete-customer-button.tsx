import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useDeleteCustomer } from './api.js';

/** GET /:plural/:id/dependants: what a deletion takes along, or what refuses it. */
interface DeletePreview {
  cascadeText: string | null;
  restrictMessage: string | null;
}

/**
 * Deleting a customer takes its contacts, deals, follow-ups, tasks and visit plans into the
 * recycle bin with it (server: registerDependant). The confirmation says so with the counts
 * before the user decides; a customer with records that must not go (contracts) is refused
 * with the server's message naming them.
 */
export function DeleteCustomerButton({
  customer,
  onDeleted,
  ...button
}: { customer: { id: string; name: string }; onDeleted: () => void } & Omit<ButtonProps, 'onClick'>) {
  const { t } = useTranslation('customers');
  const { message, modal } = App.useApp();
  const del = useDeleteCustomer();
  const [checking, setChecking] = useState(false);
  const failed = (e: unknown) => modal.error({ title: t('remove.refusedTitle'), content: e instanceof ApiError ? e.message : String(e) });

  const ask = async () => {
    setChecking(true);
    let preview: DeletePreview;
    try {
      preview = await http.get<DeletePreview>(`/customers/${customer.id}/dependants`);
    } catch (e) {
      failed(e);
      return;
    } finally {
      setChecking(false);
    }
    if (preview.restrictMessage) {
      modal.warning({ title: t('remove.refusedTitle'), content: preview.restrictMessage });
      return;
    }
    modal.confirm({
      title: t('common:confirmDelete', { name: customer.name }),
      content: preview.cascadeText && (
        <div data-testid="customer-delete-with-it">
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('remove.withIt', { list: preview.cascadeText })}</Typography.Paragraph>
          <Typography.Text type="secondary">{t('remove.comesBack')}</Typography.Text>
        </div>
      ),
      okText: t('common:actions.delete'),
      cancelText: t('common:actions.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'customer-delete-confirm' } as ButtonProps,
      onOk: async () => {
        try {
          await del.mutateAsync(customer.id);
          message.success(t('common:deleted'));
          onDeleted();
        } catch (e) {
          failed(e);
        }
      },
    });
  };

  return (
    <Button danger icon={<DeleteOutlined />} loading={checking} onClick={ask} data-testid="customer-delete" {...button}>
      {t('common:actions.delete')}
    </Button>
  );
}
