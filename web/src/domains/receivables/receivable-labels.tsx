import { App, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { formatMoney } from '../../shared/format.js';
import { type Payment, useConfirmPayment } from './api.js';
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

/** 预计回款 (a rep's, until finance confirms) / 已到账. */
export function PaymentStatusTag({ status }: { status: Payment['status'] }) {
  const { t } = useTranslation('receivables');
  return (
    <Tag color={status === 'confirmed' ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }} data-testid="payment-status">
      {t(`paymentStatus.${status}`)}
    </Tag>
  );
}

/** "第 1 期 ¥3,000.00，第 2 期 …": where a payment's money went. */
export function AllocationText({ payment }: { payment: Payment }) {
  const { t } = useTranslation('receivables');
  if (payment.allocations.length === 0) return <>—</>;
  return (
    <>{payment.allocations.map((a) => t('payments.instalment', { position: a.position, amount: formatMoney(a.amount) })).join('，')}</>
  );
}

/** Finance's 确认到账 on an expected payment, after a question: once confirmed it counts as paid. */
export function ConfirmPaymentButton({ payment, size = 'small' }: { payment: Payment; size?: 'small' | 'middle' }) {
  const { t } = useTranslation('receivables');
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const confirm = useConfirmPayment();
  if (payment.status !== 'expected' || !can('receivables', 'approve')) return null;
  const ask = () =>
    modal.confirm({
      title: t('payments.confirmTitle'),
      content: t('payments.confirmBody', { contract: payment.contractNumber, amount: formatMoney(payment.amount) }),
      okText: t('payments.confirm'),
      onOk: async () => {
        try {
          await confirm.mutateAsync(payment.id);
          message.success(t('payments.confirmed'));
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  return (
    <Button
      size={size}
      type="primary"
      ghost
      loading={confirm.isPending}
      onClick={(e) => {
        e.stopPropagation();
        ask();
      }}
      data-testid="payment-confirm"
    >
      {t('payments.confirm')}
    </Button>
  );
}
