import type { TargetDimension, TargetType } from '@contracts/targets.js';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { applyApiError } from '../../shared/api-form.js';
import { MoneyInput } from '../../shared/form-kit/money-input.js';
import { DepartmentSelect } from '../organisation/public.js';
import { createTarget, useTargetChange } from './api.js';
import { DimensionKindSelect, DimensionValueInput } from './dimension-fields.js';
import { TypeSelect, YearSelect } from './target-labels.js';

interface Values {
  type: TargetType;
  year: number;
  departmentId?: string;
  dimension?: TargetDimension | null;
  dimensionValue?: string;
  amount: string;
  notes?: string;
}

/** A yearly target for the company (the director) or a department in the caller's scope; the grid opens next. */
export function TargetCreateModal({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const { t } = useTranslation('targets');
  const { message } = App.useApp();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useTargetChange(createTarget);
  const type = Form.useWatch('type', form);
  const dimension = Form.useWatch('dimension', form);
  const submit = async (v: Values) => {
    try {
      const created = await create.mutateAsync({
        ...v,
        departmentId: v.departmentId ?? null,
        dimension: v.dimension ?? null,
        dimensionValue: v.dimension ? (v.dimensionValue ?? null) : null,
      });
      onClose();
      navigate(`/targets/${created.id}`);
    } catch (e) {
      const rest = applyApiError(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Modal
      open={open}
      title={t('form.title')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ type: 'signed_amount', year, departmentId: me?.scope === 'all' ? undefined : (me?.departmentId ?? undefined) }}
      >
        <Form.Item name="type" label={t('list.type')} rules={[{ required: true, message: t('form.required') }]}>
          <TypeSelect style={{ width: '100%' }} data-testid="target-type" />
        </Form.Item>
        <Form.Item name="year" label={t('list.year')} rules={[{ required: true, message: t('form.required') }]}>
          <YearSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('form.department')} extra={me?.scope === 'all' ? t('form.departmentHint') : undefined}>
          <DepartmentSelect style={{ width: '100%' }} data-testid="target-department" />
        </Form.Item>
        <Form.Item name="dimension" label={t('dimension.label')} extra={t('dimension.hint')}>
          <DimensionKindSelect
            type={type}
            onChange={(v) => form.setFieldsValue({ dimension: v, dimensionValue: undefined })}
            data-testid="target-dimension"
          />
        </Form.Item>
        {dimension && (
          <Form.Item name="dimensionValue" label={t(`dimension.${dimension}`)} rules={[{ required: true, message: t('form.required') }]}>
            <DimensionValueInput kind={dimension} />
          </Form.Item>
        )}
        <Form.Item name="amount" label={t('form.amount')} rules={[{ required: true, message: t('form.required') }]}>
          {type === 'new_customers' ? (
            <MoneyInput prefix={null} precision={0} data-testid="target-amount" />
          ) : (
            <MoneyInput data-testid="target-amount" />
          )}
        </Form.Item>
        <Form.Item name="notes" label={t('form.notes')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
