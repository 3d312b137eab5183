import type { User } from '@contracts/organisation.js';
import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';
import { applyApiError } from '../../shared/api-form.js';
import { PasswordWithGenerate, usePasswordRules } from './password-input.js';

/** An administrator sets a new password; the user is signed out everywhere. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('organisation');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const rules = usePasswordRules();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      await http.post(`/users/${user.id}/reset-password`, { password: values.password });
      message.success(t('users.resetDone'));
      onClose();
    } catch (e) {
      const msg = applyApiError(form, e);
      if (msg) message.error(msg);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      onCancel={onClose}
      onOk={submit}
      okText={tc('actions.confirm')}
      cancelText={tc('actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert type="warning" showIcon title={t('users.resetHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" data-testid="reset-password-form">
        <Form.Item name="password" label={t('users.resetNewPassword')} extra={t('password.policy')} rules={rules}>
          <PasswordWithGenerate />
        </Form.Item>
      </Form>
    </Modal>
  );
}
