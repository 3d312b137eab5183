import type { Department } from '@contracts/organisation.js';
import { useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { applyApiError, isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { useDepartments } from './api.js';
import { DepartmentSelect } from './department-select.js';
import { subtreeIds } from './department-tree.js';

interface DepartmentFormValues {
  name: string;
  parentId?: string | null;
  managerId?: string | null;
  sortOrder?: number | null;
}

const toForm = (d: Department): DepartmentFormValues => ({
  name: d.name,
  parentId: d.parentId,
  managerId: d.managerId,
  sortOrder: d.sortOrder,
});

/** Creates a department (optionally under `parentId`) or edits one with optimistic locking. */
export function DepartmentFormModal({
  department,
  parentId,
  onClose,
}: {
  department: Department | null;
  parentId?: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('organisation');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const [form] = Form.useForm<DepartmentFormValues>();
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(department?.version);
  const { data } = useDepartments();
  const items = data?.items ?? [];
  // A department cannot move under itself or its own sub-departments.
  const blocked = department ? subtreeIds(items, department.id) : undefined;
  const siblings = items.filter((d) => d.parentId === (parentId ?? null));
  const nextOrder = siblings.length ? Math.max(...siblings.map((d) => d.sortOrder)) + 10 : 0;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body = {
      name: values.name.trim(),
      parentId: values.parentId ?? null,
      managerId: values.managerId ?? null,
      sortOrder: values.sortOrder ?? 0,
    };
    setSaving(true);
    try {
      if (department) {
        await http.patch(`/departments/${department.id}`, { ...body, version });
        message.success(tc('saved'));
      } else {
        await http.post('/departments', body);
        message.success(tc('created'));
      }
      await qc.invalidateQueries({ queryKey: ['departments'] });
      await qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (e) {
      if (isVersionConflict(e) && e.current) {
        const current = e.current as Department;
        conflict(() => {
          form.setFieldsValue(toForm(current));
          setVersion(current.version);
          void qc.invalidateQueries({ queryKey: ['departments'] });
        });
      } else if (e instanceof ApiError && e.code === 'DEPARTMENT_CYCLE') {
        form.setFields([{ name: 'parentId', errors: [e.message] }]);
      } else {
        const msg = applyApiError(form, e);
        if (msg) message.error(msg);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={department ? t('departments.edit') : parentId ? t('departments.newChild') : t('departments.new')}
      onCancel={onClose}
      onOk={submit}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'dept-save' } as ButtonProps}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<DepartmentFormValues>
        form={form}
        layout="vertical"
        data-testid="dept-form"
        initialValues={department ? toForm(department) : { parentId: parentId ?? null, sortOrder: nextOrder }}
      >
        <Form.Item name="name" label={t('departments.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="parentId" label={t('departments.parent')}>
          <DepartmentSelect placeholder={t('departments.parentPlaceholder')} disabledIds={blocked} />
        </Form.Item>
        <Form.Item name="managerId" label={t('departments.manager')} extra={t('departments.managerHint')}>
          <OwnerSelect placeholder={t('departments.managerPlaceholder')} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('departments.sortOrder')} extra={t('departments.sortOrderHint')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
