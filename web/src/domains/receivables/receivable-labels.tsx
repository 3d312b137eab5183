import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import type { Payment } from './api.js';
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
