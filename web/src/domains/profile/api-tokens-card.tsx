import type { ApiToken } from '@contracts/auth.js';
import { ApiOutlined, CopyOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Empty, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { applyApiError } from '../../shared/api-form.js';
import { formatDate, formatDateTime } from '../../shared/dates.js';
import { useCardSize } from './card-size.js';

type CreatedToken = ApiToken & { token: string };

function NewTokenModal({ onClose, onCreated }: { onClose: () => void; onCreated: (t: CreatedToken) => void }) {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; expiresInDays?: number | null }>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      onCreated(await http.post<CreatedToken>('/api-tokens', { name: v.name.trim(), expiresInDays: v.expiresInDays ?? undefined }));
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
      title={t('tokens.new')}
      onCancel={onClose}
      onOk={submit}
      okText={tc('actions.confirm')}
      cancelText={tc('actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" initialValues={{ expiresInDays: 90 }} data-testid="token-form">
        <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input placeholder={t('tokens.namePlaceholder')} maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item label={t('tokens.expiresInDays')} extra={t('tokens.expiresHint')}>
          <Space.Compact>
            <Form.Item name="expiresInDays" noStyle>
              <InputNumber min={1} max={3650} precision={0} style={{ width: 140 }} placeholder={t('tokens.neverExpires')} />
            </Form.Item>
            <Space.Addon>{t('tokens.days')}</Space.Addon>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The secret exists only in this modal: the server keeps a hash. */
function TokenShownOnce({ token, onClose }: { token: CreatedToken; onClose: () => void }) {
  const { t } = useTranslation('profile');
  const { message } = App.useApp();
  const copy = async () => {
    await navigator.clipboard?.writeText(token.token);
    message.success(t('tokens.copied'));
  };
  return (
    <Modal
      open
      title={t('tokens.createdTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Space>
          <Button icon={<CopyOutlined />} onClick={copy}>
            {t('tokens.copy')}
          </Button>
          <Button type="primary" onClick={onClose} data-testid="token-close">
            {t('tokens.closeConfirm')}
          </Button>
        </Space>
      }
    >
      <Alert type="warning" showIcon title={t('tokens.createdWarning')} style={{ marginBottom: 16 }} />
      <Typography.Text strong>{token.name}</Typography.Text>
      <Typography.Paragraph
        code
        copyable={{ text: token.token }}
        data-testid="token-value"
        style={{ marginTop: 8, wordBreak: 'break-all', fontSize: 14 }}
      >
        {token.token}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('tokens.usage')}</Typography.Text>
      <Typography.Paragraph code style={{ marginTop: 4, wordBreak: 'break-all', fontSize: 12 }}>
        {`Authorization: Bearer ${token.token}`}
      </Typography.Paragraph>
    </Modal>
  );
}

export function ApiTokensCard() {
  const { t, i18n } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<CreatedToken | null>(null);
  const size = useCardSize();
  const { data, isLoading, isError } = useQuery({
    queryKey: ['api-tokens'],
    queryFn: () => http.get<{ items: ApiToken[] }>('/api-tokens'),
  });

  const revoke = (tok: ApiToken) =>
    modal.confirm({
      title: t('tokens.confirmRevokeTitle', { name: tok.name }),
      content: t('tokens.confirmRevokeBody'),
      okText: t('tokens.revoke'),
      okButtonProps: { danger: true },
      cancelText: tc('actions.cancel'),
      onOk: async () => {
        try {
          await http.delete(`/api-tokens/${tok.id}`);
          message.success(t('tokens.revokedDone'));
        } catch (e) {
          message.error(e instanceof ApiError ? e.message : String(e));
        }
        await qc.invalidateQueries({ queryKey: ['api-tokens'] });
      },
    });

  const state = (tok: ApiToken) =>
    tok.revokedAt ? 'revoked' : tok.expiresAt && new Date(tok.expiresAt).getTime() < Date.now() ? 'expired' : 'active';

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', key: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    {
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      key: 'prefix',
      width: 150,
      render: (v: string) => <Typography.Text code>{`${v}…`}</Typography.Text>,
    },
    {
      title: t('tokens.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      width: 160,
      render: (v: string | null) =>
        v ? formatDateTime(v, i18n.language) : <Typography.Text type="secondary">{t('tokens.neverUsed')}</Typography.Text>,
    },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      width: 120,
      render: (v: string | null) =>
        v ? formatDate(v, i18n.language) : <Typography.Text type="secondary">{t('tokens.neverExpires')}</Typography.Text>,
    },
    {
      title: t('tokens.status'),
      key: 'status',
      width: 100,
      render: (_, tok) => {
        const s = state(tok);
        return <Badge status={s === 'active' ? 'success' : s === 'expired' ? 'warning' : 'default'} text={t(`tokens.${s}`)} />;
      },
    },
    {
      title: t('tokens.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, tok) =>
        tok.revokedAt ? null : (
          <Button
            type="link"
            size="small"
            danger
            icon={<StopOutlined />}
            onClick={() => revoke(tok)}
            data-testid={`token-revoke-${tok.prefix}`}
          >
            {t('tokens.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <Card
      size={size}
      title={
        <Space>
          <ApiOutlined />
          {t('tokens.title')}
        </Space>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-new">
          {t('tokens.new')}
        </Button>
      }
      data-testid="api-tokens"
    >
      <Typography.Paragraph type="secondary">
        {t('tokens.intro')} <Typography.Text code>Authorization: Bearer crm_…</Typography.Text>
      </Typography.Paragraph>
      <Table<ApiToken>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isLoading}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={isError ? tc('loadFailed') : t('tokens.empty')} /> }}
      />
      {creating && (
        <NewTokenModal
          onClose={() => setCreating(false)}
          onCreated={(tok) => {
            setCreating(false);
            setShown(tok);
            void qc.invalidateQueries({ queryKey: ['api-tokens'] });
          }}
        />
      )}
      {shown && <TokenShownOnce token={shown} onClose={() => setShown(null)} />}
    </Card>
  );
}
