import type { Me } from '@contracts/auth.js';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from './api-client.js';
import { LanguageSwitch } from './language-switch.js';

interface LoginForm {
  username: string;
  password: string;
  totpCode?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<string>();
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await http.post<{ totpRequired: boolean; me?: Me }>('/auth/login', values);
      if (res.totpRequired) setNeedTotp(true);
      else qc.setQueryData(['me'], res.me);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card className="login-card" variant="borderless">
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('appName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {needTotp && (
            <Form.Item name="totpCode" label={t('login.totp')} extra={t('login.totpHint')} rules={[{ required: true, len: 6 }]}>
              <Input prefix={<SafetyOutlined />} inputMode="numeric" maxLength={6} autoFocus />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
