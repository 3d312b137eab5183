import type { User } from '@contracts/organisation.js';
import { useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { applyApiError, isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { exactMatchFirst, useRoleOptions } from './api.js';
import { DepartmentSelect } from './department-select.js';
import { PasswordWithGenerate, usePasswordRules } from './password-input.js';

interface UserFormValues {
  username: string;
  displayName: string;
  email?: string | null;
  mobile?: string | null;
  departmentId?: string | null;
  roles: string[];
  password?: string;
  active?: boolean;
}

const toForm = (u: User): UserFormValues => ({
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  mobile: u.mobile,
  departmentId: u.departmentId,
  roles: u.roles,
  active: u.active,
});

const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Creates a user (user === null) or edits one, including switching the account on or off. */
export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('organisation');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const { me } = useAuth();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const [form] = Form.useForm<UserFormValues>();
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(user?.version);
  const [wasActive, setWasActive] = useState(user?.active ?? true);
  const roleOptions = useRoleOptions();
  const passwordRules = usePasswordRules();
  const editing = user !== null;

  const save = async (values: UserFormValues) => {
    setSaving(true);
    try {
      if (!editing) {
        await http.post<User>('/users', {
          username: values.username.trim(),
          displayName: values.displayName,
          email: blankToNull(values.email),
          mobile: blankToNull(values.mobile),
          departmentId: values.departmentId ?? null,
          roles: values.roles,
          password: values.password,
        });
        message.success(t('users.created'));
      } else {
        await http.patch<User>(`/users/${user.id}`, {
          displayName: values.displayName,
          email: blankToNull(values.email),
          mobile: blankToNull(values.mobile),
          departmentId: values.departmentId ?? null,
          roles: values.roles,
          active: values.active,
          version,
        });
        message.success(values.active === false && wasActive ? t('users.deactivated') : tc('saved'));
      }
      await qc.invalidateQueries({ queryKey: ['users'] });
      await qc.invalidateQueries({ queryKey: ['departments'] });
      await qc.invalidateQueries({ queryKey: ['roles'] });
      onClose();
    } catch (e) {
      if (isVersionConflict(e) && e.current) {
        const current = e.current as User;
        conflict(() => {
          form.setFieldsValue(toForm(current));
          setVersion(current.version);
          setWasActive(current.active);
          void qc.invalidateQueries({ queryKey: ['users'] });
        });
      } else {
        const msg = applyApiError(form, e);
        if (msg) message.error(msg);
      }
    } finally {
      setSaving(false);
    }
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    if (editing && wasActive && values.active === false) {
      modal.confirm({
        title: t('users.confirmDeactivateTitle', { name: user.displayName }),
        content: t('users.confirmDeactivateBody'),
        okText: t('users.deactivate'),
        okButtonProps: { danger: true },
        cancelText: tc('actions.cancel'),
        onOk: () => save(values),
      });
      return;
    }
    await save(values);
  };

  return (
    <Modal
      open
      title={editing ? t('users.edit') : t('users.new')}
      onCancel={onClose}
      onOk={submit}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'user-save' } as ButtonProps}
      width={640}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        data-testid="user-form"
        initialValues={user ? toForm(user) : { roles: [], active: true }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('users.username')}
              tooltip={t('users.usernameHint')}
              rules={[
                { required: !editing, message: t('users.usernameHint') },
                { pattern: /^[A-Za-z0-9_.@-]{2,64}$/, message: t('users.usernameHint') },
              ]}
            >
              <Input disabled={editing} autoComplete="off" maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.invalidEmail') }, { max: 200 }]}>
              <Input type="email" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="mobile" label={t('users.mobile')} rules={[{ max: 30 }]}>
              <Input autoComplete="off" maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="departmentId" label={t('users.department')}>
              <DepartmentSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="roles"
              label={t('users.roles')}
              rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
            >
              <Select mode="multiple" options={roleOptions} showSearch={{ optionFilterProp: 'label', filterSort: exactMatchFirst }} />
            </Form.Item>
          </Col>
          {!editing && (
            <Col xs={24}>
              <Form.Item name="password" label={t('users.password')} extra={t('password.policy')} rules={passwordRules}>
                <PasswordWithGenerate data-testid="user-password" />
              </Form.Item>
            </Col>
          )}
          {editing && (
            <Col xs={24}>
              <Form.Item
                name="active"
                label={t('users.status')}
                valuePropName="checked"
                extra={user.id === me?.id ? undefined : t('users.transferDeactivateHint')}
              >
                <Switch checkedChildren={t('users.active')} unCheckedChildren={t('users.inactive')} disabled={user.id === me?.id} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
