import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerPoolRules, useReleaseCustomer } from './api.js';

/** On the customer page: give the customer back to the pool (公海), with an optional reason. */
export function ReleaseToPoolButton({ customer, onReleased }: { customer: { id: string; name: string }; onReleased: () => void }) {
  const { t } = useTranslation('customerPool');
  const { message } = App.useApp();
  const rules = useCustomerPoolRules();
  const release = useReleaseCustomer();
  const [note, setNote] = useState('');
  const confirm = async () => {
    try {
      await release.mutateAsync({ id: customer.id, note: note.trim() || undefined });
      message.success(t('release.done'));
      onReleased();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Popconfirm
      title={t('release.title', { name: customer.name })}
      description={
        <Space direction="vertical" style={{ width: 300 }}>
          <Typography.Text type="secondary">{t('release.hint', { days: rules.data?.reclaimCooldownDays ?? 0 })}</Typography.Text>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} rows={2} placeholder={t('release.note')} />
        </Space>
      }
      okText={t('release.button')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: release.isPending, danger: true }}
      onConfirm={confirm}
      placement="bottomRight"
    >
      <Button icon={<InboxOutlined />} data-testid="customer-release">
        {t('release.button')}
      </Button>
    </Popconfirm>
  );
}
