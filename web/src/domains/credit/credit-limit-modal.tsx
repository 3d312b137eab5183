import { App, Checkbox, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../shared/form-kit/money-input.js';
import { type CreditPosition, useSetCreditLimit } from './api.js';

interface Values {
  unlimited: boolean;
  creditLimit?: string | null;
}

/** Finance sets, changes or removes a customer's credit limit. */
export function CreditLimitModal({ position, open, onClose }: { position: CreditPosition; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetCreditLimit(position.customerId);
  const unlimited = Form.useWatch('unlimited', form);

  useEffect(() => {
    if (open) form.setFieldsValue({ unlimited: position.creditLimit === null, creditLimit: position.creditLimit });
  }, [open, position, form]);

  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({ version: position.customerVersion, creditLimit: v.unlimited ? null : (v.creditLimit ?? null) });
      message.success(t('modal.saved'));
      onClose();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open={open}
      title={t('modal.title', { customer: position.customerName })}
      okText={t('modal.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="unlimited" valuePropName="checked">
          <Checkbox data-testid="credit-unlimited">{t('modal.unlimited')}</Checkbox>
        </Form.Item>
        {!unlimited && (
          <Form.Item
            name="creditLimit"
            label={t('fields.creditLimit')}
            rules={[{ required: true, message: t('modal.limitRequired') }]}
            extra={t('modal.limitHint')}
          >
            <MoneyInput data-testid="credit-limit-input" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
