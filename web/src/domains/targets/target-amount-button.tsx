import { App, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../shared/api-form.js';
import { MoneyInput } from '../../shared/form-kit/money-input.js';
import { type TargetDetail, updateTarget, useTargetChange } from './api.js';

/** Changes the yearly amount (within the parent's share, not below what is split; the server checks). */
export function TargetAmountButton({ target }: { target: TargetDetail }) {
  const { t } = useTranslation('targets');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ amount: string }>();
  const change = useTargetChange((body: unknown) => updateTarget(target.id, body));
  const submit = async (v: { amount: string }) => {
    try {
      await change.mutateAsync({ version: target.version, amount: v.amount });
      setOpen(false);
    } catch (e) {
      const rest = applyApiError(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <>
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(true)}>
        {t('grid.editAmount')}
      </Button>
      <Modal
        open={open}
        title={t('grid.editAmount')}
        okText={t('form.save')}
        cancelText={t('form.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={change.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ amount: target.amount }}>
          <Form.Item name="amount" label={t('form.amount')} rules={[{ required: true, message: t('form.required') }]}>
            <MoneyInput />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
