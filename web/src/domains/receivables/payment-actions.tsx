import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { formatMoney } from '../../shared/format.js';
import { type Payment, useConfirmPayment, useDeletePayment, useRejectPayment } from './api.js';
import { PaymentFormDrawer } from './payment-form.js';

/**
 * Who may delete a payment here (the server has the last word): one not yet confirmed, by its owner
 * or creator or by finance. Money confirmed as received is not removed from a list by a stray click.
 */
function mayDelete(payment: Payment, me: string | undefined, can: (m: 'receivables', a: 'create' | 'delete') => boolean) {
  if (payment.status !== 'expected' && payment.status !== 'rejected') return false;
  return can('receivables', 'delete') || (can('receivables', 'create') && (payment.ownerId === me || payment.createdBy === me));
}

/** Who may correct a payment (the server has the last word): a confirmed one only finance. */
function mayEdit(payment: Payment, me: string | undefined, can: (m: 'receivables', a: 'create' | 'edit' | 'approve') => boolean) {
  if (payment.status === 'in_approval') return false;
  if (payment.status === 'confirmed') return can('receivables', 'approve');
  return can('receivables', 'edit') || (can('receivables', 'create') && (payment.ownerId === me || payment.createdBy === me));
}

/**
 * A payment's actions: finance's 确认到账 and 驳回 (with the reason) on an expected one, and 删除 after a
 * question (the instalments it took are freed). Each asks first: these change what counts as paid.
 */
export function PaymentActions({ payment }: { payment: Payment }) {
  const { t } = useTranslation('receivables');
  const { can, me } = useAuth();
  const { message, modal } = App.useApp();
  const confirm = useConfirmPayment();
  const remove = useDeletePayment();
  const [rejecting, setRejecting] = useState(false);
  const [editing, setEditing] = useState(false);
  const approver = payment.status === 'expected' && can('receivables', 'approve');
  const deletable = mayDelete(payment, me?.id, can);
  const editable = mayEdit(payment, me?.id, can);
  if (!approver && !deletable && !editable) return null;
  const what = { contract: payment.contractNumber, amount: formatMoney(payment.amount) };
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const askConfirm = () =>
    modal.confirm({
      title: t('payments.confirmTitle'),
      content: t('payments.confirmBody', what),
      okText: t('payments.confirm'),
      onOk: () => run(() => confirm.mutateAsync(payment.id), t('payments.confirmed')),
    });
  const askDelete = () =>
    modal.confirm({
      title: t('payments.deleteTitle'),
      content: t('payments.deleteBody', what),
      okText: t('payments.delete'),
      okButtonProps: { danger: true },
      onOk: () => run(() => remove.mutateAsync(payment.id), t('payments.deleted')),
    });
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: only keeps the buttons from opening the row
    // biome-ignore lint/a11y/useKeyWithClickEvents: the buttons inside take the keyboard
    <span onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
      <Space size={4}>
        {approver && (
          <Button size="small" type="primary" ghost loading={confirm.isPending} onClick={askConfirm} data-testid="payment-confirm">
            {t('payments.confirm')}
          </Button>
        )}
        {approver && (
          <Button size="small" danger onClick={() => setRejecting(true)} data-testid="payment-reject">
            {t('payments.reject')}
          </Button>
        )}
        {editable && (
          <Button
            size="small"
            type={payment.status === 'rejected' ? 'link' : 'text'}
            onClick={() => setEditing(true)}
            data-testid={payment.status === 'rejected' ? 'payment-resubmit' : 'payment-edit'}
          >
            {payment.status === 'rejected' ? t('payments.resubmit') : t('payments.edit')}
          </Button>
        )}
        {deletable && (
          <Button size="small" type="text" danger loading={remove.isPending} onClick={askDelete} data-testid="payment-delete">
            {t('payments.delete')}
          </Button>
        )}
      </Space>
      <RejectModal payment={payment} open={rejecting} onClose={() => setRejecting(false)} />
      <PaymentFormDrawer open={editing} payment={payment} onClose={() => setEditing(false)} />
    </span>
  );
}

function RejectModal({ payment, open, onClose }: { payment: Payment; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('receivables');
  const { message } = App.useApp();
  const reject = useRejectPayment();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async ({ reason }: { reason: string }) => {
    try {
      await reject.mutateAsync({ id: payment.id, reason: reason.trim() });
      message.success(t('payments.rejected'));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('payments.rejectTitle', { contract: payment.contractNumber, amount: formatMoney(payment.amount) })}
      okText={t('payments.reject')}
      okButtonProps={{ danger: true, loading: reject.isPending, ...{ 'data-testid': 'payment-reject-ok' } }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="reason"
          label={t('payments.reason')}
          rules={[{ required: true, whitespace: true, message: t('payments.reasonRequired') }, { max: 500 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder={t('payments.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
