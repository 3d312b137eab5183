import { App, Button, Form, Input, Modal, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { formatMoney } from '../../shared/format.js';
import { type Payment, useConfirmPayment, useDeletePayment, useRejectPayment } from './api.js';
import type { InstalmentStatus } from './receivable-math.js';

const INSTALMENT_COLOR: Record<InstalmentStatus, string> = {
  paid: 'success',
  partial: 'processing',
  overdue: 'error',
  notDue: 'default',
};

/** 已回款 / 部分回款 / 已逾期 / 未到期. */
export function InstalmentStatusTag({ status }: { status: InstalmentStatus }) {
  const { t } = useTranslation('receivables');
  return (
    <Tag color={INSTALMENT_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="instalment-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

const PAYMENT_COLOR: Record<Payment['status'], string> = {
  expected: 'warning',
  in_approval: 'processing',
  confirmed: 'success',
  rejected: 'error',
};

/** 预计回款 (a rep's, until finance confirms) / 审批中 / 已到账 / 已驳回. */
export function PaymentStatusTag({ status, reason }: { status: Payment['status']; reason?: string | null }) {
  const { t } = useTranslation('receivables');
  const tag = (
    <Tag color={PAYMENT_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="payment-status">
      {t(`paymentStatus.${status}`)}
    </Tag>
  );
  return reason ? <Tooltip title={t('payments.rejectReason', { reason })}>{tag}</Tooltip> : tag;
}

/** "第 1 期 ¥3,000.00，第 2 期 …": where a payment's money went. */
export function AllocationText({ payment }: { payment: Payment }) {
  const { t } = useTranslation('receivables');
  if (payment.allocations.length === 0) return <>—</>;
  return (
    <>{payment.allocations.map((a) => t('payments.instalment', { position: a.position, amount: formatMoney(a.amount) })).join('，')}</>
  );
}

/**
 * Who may delete a payment here (the server has the last word): one not yet confirmed, by its owner
 * or creator or by finance. Money confirmed as received is not removed from a list by a stray click.
 */
function mayDelete(payment: Payment, me: string | undefined, can: (m: 'receivables', a: 'create' | 'delete') => boolean) {
  if (payment.status !== 'expected' && payment.status !== 'rejected') return false;
  return can('receivables', 'delete') || (can('receivables', 'create') && (payment.ownerId === me || payment.createdBy === me));
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
  const approver = payment.status === 'expected' && can('receivables', 'approve');
  const deletable = mayDelete(payment, me?.id, can);
  if (!approver && !deletable) return null;
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
        {deletable && (
          <Button size="small" type="text" danger loading={remove.isPending} onClick={askDelete} data-testid="payment-delete">
            {t('payments.delete')}
          </Button>
        )}
      </Space>
      <RejectModal payment={payment} open={rejecting} onClose={() => setRejecting(false)} />
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
