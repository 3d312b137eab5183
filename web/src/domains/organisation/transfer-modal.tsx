import type { User } from '@contracts/organisation.js';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Descriptions, Form, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { applyApiError } from '../../shared/api-form.js';
import { OwnerSelect, useUserOptions } from '../../shared/owner-select.js';

interface TransferValues {
  toUserId: string;
  deactivate: boolean;
}

/** C10: hands everything a user owns to a colleague, optionally deactivating the account in the same step. */
export function TransferModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('organisation');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const { me } = useAuth();
  const qc = useQueryClient();
  const [form] = Form.useForm<TransferValues>();
  const [moved, setMoved] = useState<Record<string, number> | null>(null);
  const [saving, setSaving] = useState(false);
  const { data: options } = useUserOptions();
  const canDeactivate = user.active && user.id !== me?.id;

  const targetName = (id: string) => options?.items.find((u) => u.id === id)?.displayName ?? '';

  const run = async (values: TransferValues) => {
    setSaving(true);
    try {
      const res = await http.post<{ moved: Record<string, number> }>('/transfers', {
        fromUserId: user.id,
        toUserId: values.toUserId,
        deactivate: canDeactivate && values.deactivate,
      });
      setMoved(res.moved);
      // Owners changed across every record type, and perhaps the account's status.
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    } catch (e) {
      const msg = applyApiError(form, e);
      if (msg) message.error(msg);
    } finally {
      setSaving(false);
    }
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const to = targetName(values.toUserId);
    modal.confirm({
      title: t('users.transferConfirmTitle'),
      content: (
        <>
          <p style={{ margin: 0 }}>{t('users.transferConfirmBody', { from: user.displayName, to })}</p>
          {canDeactivate && values.deactivate && (
            <p style={{ margin: '8px 0 0' }}>
              <Typography.Text type="warning">{t('users.transferConfirmDeactivate', { from: user.displayName })}</Typography.Text>
            </p>
          )}
        </>
      ),
      okText: t('users.transferSubmit'),
      cancelText: tc('actions.cancel'),
      onOk: () => run(values),
    });
  };

  const entries = Object.entries(moved ?? {});
  const total = entries.reduce((s, [, n]) => s + n, 0);

  return (
    <Modal
      open
      title={t('users.transferTitle', { name: user.displayName })}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        moved ? (
          <Button type="primary" onClick={onClose} data-testid="transfer-done">
            {t('users.done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{tc('actions.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={submit} data-testid="transfer-submit">
              {t('users.transferSubmit')}
            </Button>
          </>
        )
      }
    >
      {moved ? (
        <Result
          status="success"
          title={t('users.transferDone')}
          subTitle={total === 0 ? t('users.transferNothing') : undefined}
          style={{ padding: '16px 0' }}
        >
          {total > 0 && (
            <Descriptions
              column={1}
              bordered
              size="small"
              title={t('users.transferMoved')}
              data-testid="transfer-result"
              items={entries.map(([entity, count]) => ({
                key: entity,
                label: t(`entities.${entity}`, { defaultValue: entity }),
                children: t('users.transferCount', { count }),
              }))}
            />
          )}
        </Result>
      ) : (
        <>
          <Alert type="info" showIcon title={t('users.transferIntro')} style={{ marginBottom: 16 }} />
          <Form<TransferValues> form={form} layout="vertical" initialValues={{ deactivate: false }} data-testid="transfer-form">
            <Form.Item name="toUserId" label={t('users.transferTo')} rules={[{ required: true, message: t('users.transferToRequired') }]}>
              <OwnerSelect
                allowClear={false}
                placeholder={t('users.transferToRequired')}
                options={(options?.items ?? [])
                  .filter((u) => u.id !== user.id)
                  .map((u) => ({ value: u.id, label: u.departmentName ? `${u.displayName}（${u.departmentName}）` : u.displayName }))}
              />
            </Form.Item>
            {canDeactivate && (
              <Form.Item name="deactivate" valuePropName="checked" extra={t('users.transferDeactivateHint')}>
                <Checkbox>{t('users.transferDeactivate')}</Checkbox>
              </Form.Item>
            )}
          </Form>
        </>
      )}
    </Modal>
  );
}
