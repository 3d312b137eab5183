import type { Role } from '@contracts/organisation.js';
import { DATA_SCOPES, type DataScope } from '@contracts/permissions.js';
import { LockOutlined, PlusOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Flex, Form, Grid, Input, Menu, Modal, Radio, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { applyApiError } from '../../shared/api-form.js';
import { PageHeader } from '../../shared/page-header.js';
import { exactMatchFirst, useRoleLabel, useRoles } from './api.js';
import { Forbidden } from './forbidden.js';
import { expandPermissions, MATRIX_PERMISSIONS } from './permission-matrix.js';
import { RoleEditor } from './role-editor.js';

interface NewRoleValues {
  key: string;
  name: string;
  copyFrom?: string;
  dataScope: DataScope;
}

function NewRoleModal({ roles, onClose, onCreated }: { roles: Role[]; onClose: () => void; onCreated: (role: Role) => void }) {
  const { t } = useTranslation('organisation');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<NewRoleValues>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const source = roles.find((r) => r.id === values.copyFrom);
    const granted = source ? expandPermissions(source.permissions) : new Set<string>();
    setSaving(true);
    try {
      const role = await http.post<Role>('/roles', {
        key: values.key.trim(),
        name: values.name.trim(),
        dataScope: values.dataScope,
        permissions: MATRIX_PERMISSIONS.filter((p) => granted.has(p)),
      });
      message.success(t('roles.created'));
      await qc.invalidateQueries({ queryKey: ['roles'] });
      onCreated(role);
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
      title={t('roles.new')}
      onCancel={onClose}
      onOk={submit}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<NewRoleValues>
        form={form}
        layout="vertical"
        data-testid="role-form"
        initialValues={{ dataScope: 'own' }}
        onValuesChange={(changed: Partial<NewRoleValues>) => {
          const source = roles.find((r) => r.id === changed.copyFrom);
          if (source) form.setFieldValue('dataScope', source.dataScope);
        }}
      >
        <Form.Item
          name="key"
          label={t('roles.key')}
          extra={t('roles.keyHint')}
          rules={[
            { required: true, message: t('roles.keyInvalid') },
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('roles.keyInvalid') },
          ]}
        >
          <Input placeholder="sales_assistant" autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="copyFrom" label={t('roles.copyFrom')} extra={t('roles.copyFromHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label', filterSort: exactMatchFirst }}
            placeholder={t('roles.copyFromNone')}
            options={roles.map((r) => ({ value: r.id, label: roleLabel(r.key) }))}
          />
        </Form.Item>
        <Form.Item name="dataScope" label={t('roles.dataScope')}>
          <Radio.Group options={DATA_SCOPES.map((s) => ({ value: s, label: t(`scopes.${s}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RolesPage() {
  const { t } = useTranslation('organisation');
  const { t: tc } = useTranslation();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const roleLabel = useRoleLabel();
  const { data, isLoading, isError } = useRoles();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const mobile = !Grid.useBreakpoint().lg;
  const dirty = useRef(false);
  const onDirtyChange = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);

  if (!can('roles', 'view')) return <Forbidden />;

  const roles = data?.items ?? [];
  const selected = roles.find((r) => r.id === selectedId) ?? roles.find((r) => r.key !== 'admin') ?? roles[0];

  const select = (id: string) => {
    if (id === selected?.id) return;
    if (!dirty.current) {
      setSelectedId(id);
      return;
    }
    modal.confirm({
      title: t('roles.discardTitle'),
      content: t('roles.discardBody'),
      okText: t('roles.discard'),
      cancelText: tc('actions.cancel'),
      onOk: () => {
        dirty.current = false;
        setSelectedId(id);
      },
    });
  };

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        sub={t('roles.sub')}
        extra={
          can('roles', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="role-new" onClick={() => setCreating(true)}>
              {t('roles.new')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={6}>
          {mobile ? (
            // On a phone the list would push the editor off the screen: pick the role from a select instead.
            <Select
              value={selected?.id}
              onChange={select}
              loading={isLoading}
              options={roles.map((r) => ({
                value: r.id,
                label: `${roleLabel(r.key)} · ${t('roles.userCount', { count: r.userCount })}`,
              }))}
              style={{ width: '100%' }}
              size="large"
              prefix={<TeamOutlined />}
              data-testid="role-picker"
            />
          ) : (
            <Card title={t('roles.list')} styles={{ body: { padding: 8 } }}>
              {isLoading ? (
                <Skeleton active style={{ padding: 8 }} />
              ) : roles.length === 0 ? (
                <Empty description={isError ? tc('loadFailed') : tc('empty')} />
              ) : (
                <Menu
                  mode="inline"
                  style={{ borderInlineEnd: 'none' }}
                  selectedKeys={selected ? [selected.id] : []}
                  onClick={(e) => select(e.key)}
                  data-testid="role-list"
                  items={roles.map((r) => ({
                    key: r.id,
                    icon: r.key === 'admin' ? <LockOutlined /> : r.builtIn ? <SafetyCertificateOutlined /> : <TeamOutlined />,
                    label: (
                      <Flex justify="space-between" align="center" gap={8}>
                        <Typography.Text ellipsis style={{ color: 'inherit' }}>
                          {roleLabel(r.key)}
                        </Typography.Text>
                        <Flex gap={4} align="center" style={{ flex: 'none' }}>
                          {!r.builtIn && (
                            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                              {t('roles.custom')}
                            </Tag>
                          )}
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('roles.userCount', { count: r.userCount })}
                          </Typography.Text>
                        </Flex>
                      </Flex>
                    ),
                  }))}
                />
              )}
            </Card>
          )}
        </Col>
        <Col xs={24} lg={17} xl={18}>
          {selected ? (
            <RoleEditor
              key={`${selected.id}:${selected.version}`}
              role={selected}
              onDirtyChange={onDirtyChange}
              onDeleted={() => setSelectedId(null)}
            />
          ) : (
            <Card>{isLoading ? <Skeleton active /> : <Empty description={t('roles.selectRole')} />}</Card>
          )}
        </Col>
      </Row>
      {creating && (
        <NewRoleModal
          roles={roles}
          onClose={() => setCreating(false)}
          onCreated={(role) => {
            setCreating(false);
            dirty.current = false;
            setSelectedId(role.id);
          }}
        />
      )}
    </>
  );
}
