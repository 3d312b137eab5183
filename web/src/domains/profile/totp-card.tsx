import { SafetyOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Descriptions, Flex, Form, Input, QRCode, Row, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { useCardSize } from './card-size.js';

interface Setup {
  secret: string;
  otpauthUrl: string;
}

const digitsOnly = (v: string) => v.replace(/\D/g, '');

/** The 6-digit field used to enable and to disable. */
function CodeForm({
  submitText,
  danger,
  onSubmit,
  testId,
}: {
  submitText: string;
  danger?: boolean;
  onSubmit: (code: string) => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation('profile');
  const [form] = Form.useForm<{ code: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      await onSubmit(code);
    } catch (e) {
      form.setFields([{ name: 'code', errors: [e instanceof ApiError ? e.message : String(e)] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid={testId}>
      <Form.Item name="code" label={t('totp.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeInvalid') }]}>
        <Input.OTP length={6} formatter={digitsOnly} inputMode="numeric" autoComplete="one-time-code" />
      </Form.Item>
      <Button type="primary" danger={danger} htmlType="submit" loading={busy}>
        {submitText}
      </Button>
    </Form>
  );
}

/** Two-step verification: set up with a QR code or a typed key, confirm with a code; turn off with a code. */
export function TotpCard() {
  const { t } = useTranslation('profile');
  const { me, refresh } = useAuth();
  const { message } = App.useApp();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [starting, setStarting] = useState(false);
  const size = useCardSize();
  if (!me) return null;

  const start = async () => {
    setStarting(true);
    try {
      setSetup(await http.post<Setup>('/auth/totp/setup'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setStarting(false);
    }
  };

  const enable = async (code: string) => {
    await http.post('/auth/totp/enable', { code });
    message.success(t('totp.enabledDone'));
    setSetup(null);
    await refresh();
  };

  const disable = async (code: string) => {
    await http.post('/auth/totp/disable', { code });
    message.success(t('totp.disabledDone'));
    await refresh();
  };

  const status = me.totpEnabled ? (
    <Badge status="success" text={t('totp.enabled')} />
  ) : (
    <Badge status="default" text={t('totp.disabled')} />
  );

  return (
    <Card
      size={size}
      title={
        <Space>
          <SafetyOutlined />
          {t('totp.title')}
        </Space>
      }
      extra={status}
      data-testid="totp-card"
    >
      {me.totpEnabled ? (
        <Row gutter={[24, 16]}>
          <Col xs={24} md={12}>
            <Typography.Paragraph>{t('totp.enabledIntro')}</Typography.Paragraph>
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text strong>{t('totp.disableTitle')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 4 }}>
              {t('totp.disableBody')}
            </Typography.Paragraph>
            <CodeForm submitText={t('totp.disable')} danger onSubmit={disable} testId="totp-disable-form" />
          </Col>
        </Row>
      ) : !setup ? (
        <Flex justify="space-between" align="center" wrap gap={16}>
          <Typography.Paragraph style={{ margin: 0, maxWidth: 640 }}>{t('totp.intro')}</Typography.Paragraph>
          <Button type="primary" onClick={start} loading={starting} data-testid="totp-start">
            {t('totp.start')}
          </Button>
        </Flex>
      ) : (
        <Row gutter={[32, 16]}>
          <Col xs={24} lg={15}>
            <Steps
              orientation="vertical"
              size="small"
              items={[
                { title: t('totp.step1'), status: 'process', content: t('totp.step1Body') },
                {
                  title: t('totp.step2'),
                  status: 'process',
                  content: (
                    <>
                      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                        {t('totp.step2Body')}
                      </Typography.Paragraph>
                      <Descriptions
                        column={1}
                        size="small"
                        bordered
                        items={[
                          { key: 'account', label: t('totp.account'), children: me.username },
                          {
                            key: 'secret',
                            label: t('totp.secret'),
                            children: (
                              <Typography.Text
                                code
                                copyable={{ text: setup.secret }}
                                data-testid="totp-secret"
                                style={{ wordBreak: 'break-all' }}
                              >
                                {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
                              </Typography.Text>
                            ),
                          },
                          {
                            key: 'url',
                            label: t('totp.otpauthUrl'),
                            children: (
                              <Typography.Text
                                copyable={{ text: setup.otpauthUrl }}
                                type="secondary"
                                style={{ fontSize: 12, wordBreak: 'break-all' }}
                              >
                                {setup.otpauthUrl}
                              </Typography.Text>
                            ),
                          },
                        ]}
                      />
                    </>
                  ),
                },
                {
                  title: t('totp.step3'),
                  status: 'process',
                  content: (
                    <>
                      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                        {t('totp.step3Body')}
                      </Typography.Paragraph>
                      <CodeForm submitText={t('totp.enable')} onSubmit={enable} testId="totp-enable-form" />
                    </>
                  ),
                },
              ]}
            />
            <Button type="link" onClick={() => setSetup(null)} style={{ paddingInline: 0 }}>
              {t('totp.cancel')}
            </Button>
          </Col>
          <Col xs={24} lg={9}>
            <Flex vertical align="center" gap={8}>
              <QRCode value={setup.otpauthUrl} size={200} bordered data-testid="totp-qr" />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('totp.scanHint')}
              </Typography.Text>
            </Flex>
          </Col>
        </Row>
      )}
    </Card>
  );
}
