import type { Role } from '@contracts/organisation.js';
import { DATA_SCOPES, type DataScope } from '@contracts/permissions.js';
import { DeleteOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Divider, Flex, Form, Grid, Input, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { useRoleLabel } from './api.js';
import { expandPermissions, MATRIX_PERMISSIONS, PermissionMatrix } from './permission-matrix.js';
import { RoleTotpSwitch } from './role-totp-switch.js';

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * Edits one role: name, data scope and the permission matrix. Mounted with a key of id + version,
 * so a saved or reloaded role starts a fresh draft.
 */
export function RoleEditor({
  role,
  onDirtyChange,
  onDeleted,
}: {
  role: Role;
  onDirtyChange: (dirty: boolean) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('organisation');
  const { t: tc } = useTranslation();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const roleLabel = useRoleLabel();
  const isAdmin = role.key === 'admin';
  const mobile = !Grid.useBreakpoint().md;
  const readOnly = isAdmin || !can('roles', 'edit');
  const original = expandPermissions(role.permissions);
  const [name, setName] = useState(role.name);
  const [dataScope, setDataScope] = useState<DataScope>(role.dataScope);
  const [permissions, setPermissions] = useState<Set<string>>(original);
  const [saving, setSaving] = useState(false);
  const dirty = !readOnly && (name !== role.name || dataScope !== role.dataScope || !sameSet(permissions, original));

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const reset = () => {
    setName(role.name);
    setDataScope(role.dataScope);
    setPermissions(expandPermissions(role.permissions));
  };

  const save = async () => {
    if (!name.trim()) return;
    setSaving(true);
    try {
      // Keep any permission the matrix does not know about (granted by a newer version, say).
      const unknown = role.permissions.filter((p) => p !== '*' && !MATRIX_PERMISSIONS.includes(p));
      await http.patch(`/roles/${role.id}`, {
        name: name.trim(),
        dataScope,
        permissions: [...MATRIX_PERMISSIONS.filter((p) => permissions.has(p)), ...unknown],
        version: role.version,
      });
      message.success(t('roles.saved'));
      onDirtyChange(false);
      await qc.invalidateQueries({ queryKey: ['roles'] });
      // The signed-in admin may have changed their own permissions.
      await qc.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      if (isVersionConflict(e)) conflict(() => void qc.invalidateQueries({ queryKey: ['roles'] }));
      else message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const remove = () =>
    modal.confirm({
      title: t('roles.confirmDeleteTitle', { name: roleLabel(role.key) }),
      content: role.userCount > 0 ? t('roles.inUseBody', { count: role.userCount }) : t('roles.confirmDeleteBody'),
      okText: tc('actions.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('actions.cancel'),
      onOk: async () => {
        try {
          await http.delete(`/roles/${role.id}`);
          message.success(t('roles.deleted'));
          onDirtyChange(false);
          onDeleted();
          await qc.invalidateQueries({ queryKey: ['roles'] });
        } catch (e) {
          if (e instanceof ApiError && e.code === 'IN_USE') {
            message.error(`${e.message}${role.userCount > 0 ? `：${t('roles.inUseBody', { count: role.userCount })}` : ''}`);
          } else message.error(e instanceof ApiError ? e.message : String(e));
        }
      },
    });

  return (
    <Card
      size={mobile ? 'small' : undefined}
      data-testid="role-editor"
      title={
        <Space size={8} wrap>
          <span>{roleLabel(role.key)}</span>
          <Tag color={role.builtIn ? 'gold' : 'blue'}>{role.builtIn ? t('roles.builtIn') : t('roles.custom')}</Tag>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {role.key}
          </Typography.Text>
        </Space>
      }
      extra={dirty && <Tag color="orange">{t('roles.unsaved')}</Tag>}
    >
      {isAdmin && <Alert type="info" showIcon title={t('roles.adminReadOnly')} style={{ marginBottom: 16 }} />}
      {!isAdmin && role.builtIn && <Alert type="info" showIcon title={t('roles.builtInNote')} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Form.Item label={t('roles.name')} required validateStatus={name.trim() ? undefined : 'error'}>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={50} disabled={readOnly} style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item label={t('roles.dataScope')}>
          <Radio.Group value={dataScope} onChange={(e) => setDataScope(e.target.value)} disabled={readOnly} data-testid="role-scope">
            <Flex vertical gap={6}>
              {DATA_SCOPES.map((s) => (
                <Radio key={s} value={s}>
                  {t(`scopes.${s}`)}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
                    {t(`scopeHints.${s}`)}
                  </Typography.Text>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <RoleTotpSwitch role={role} />
        <Form.Item label={t('roles.permissions')} style={{ marginBottom: 0 }}>
          <PermissionMatrix value={permissions} onChange={setPermissions} disabled={readOnly} />
        </Form.Item>
      </Form>
      {!readOnly && (
        <>
          <Divider style={{ margin: '20px 0 16px' }} />
          <Flex justify="space-between" wrap gap={8}>
            <Space wrap>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={!dirty || !name.trim()}
                loading={saving}
                onClick={save}
                data-testid="role-save"
              >
                {tc('actions.save')}
              </Button>
              <Button icon={<UndoOutlined />} disabled={!dirty} onClick={reset}>
                {t('roles.discard')}
              </Button>
            </Space>
            {!role.builtIn && can('roles', 'delete') && (
              <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="role-delete">
                {t('roles.deleteRole')}
              </Button>
            )}
          </Flex>
        </>
      )}
    </Card>
  );
}
