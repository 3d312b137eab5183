import type { Role } from '@contracts/organisation.js';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';

/**
 * P6: require two-step sign-in of a role's members. Saved on its own (admins included, whose
 * permissions are otherwise fixed), so it never mixes with an unsaved permission draft.
 */
export function RoleTotpSwitch({ role }: { role: Role }) {
  const { t } = useTranslation('organisation');
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [saving, setSaving] = useState(false);

  const change = async (requireTotp: boolean) => {
    setSaving(true);
    try {
      await http.patch(`/roles/${role.id}`, { requireTotp, version: role.version });
      message.success(requireTotp ? t('roles.requireTotpOn') : t('roles.requireTotpOff'));
      await qc.invalidateQueries({ queryKey: ['roles'] });
      await qc.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form.Item label={t('roles.requireTotp')}>
      <Switch
        checked={role.requireTotp}
        loading={saving}
        disabled={!can('roles', 'edit')}
        onChange={change}
        data-testid="role-require-totp"
      />
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
        {t('roles.requireTotpHint')}
      </Typography.Text>
    </Form.Item>
  );
}
