import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { applyApiError } from '../../shared/api-form.js';
import { usePasswordRules } from '../organisation/public.js';
import { useCardSize } from './card-size.js';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordCard() {
  const { t } = useTranslation('profile');
  const { t: to } = useTranslation('organisation');
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);
  const policy = usePasswordRules();
  const size = useCardSize();

  const submit = async (v: PasswordValues) => {
    setSaving(true);
    try {
      await http.post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('password.done'));
      form.resetFields();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'WRONG_PASSWORD') form.setFields([{ name: 'currentPassword', errors: [e.message] }]);
      else {
        const msg = applyApiError(form, e);
        if (msg) message.error(msg);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size={size} title={t('password.title')} style={{ height: '100%' }}>
      <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} data-testid="password-form" style={{ maxWidth: 420 }}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={to('password.policy')}
          dependencies={['currentPassword']}
          rules={[
            ...policy,
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                !v || v !== getFieldValue('currentPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.sameAsOld'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.mismatch') },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('password.hint')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="password-save">
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
