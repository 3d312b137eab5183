import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../shared/format.js';
import type { Payment } from './api.js';
import type { InstalmentStatus } from './receivable-math.js';

const INSTALMENT_COLOR: Record<InstalmentStatus, string> = {
  paid: 'success',
  partial: 'processing',
  overdue: 'error',
  notDue: 'default',
  closed: 'default',
};

/** 已回款 / 部分回款 / 已逾期 / 未到期 / 不再收取. */
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

/** 预计回款 (a rep's, until finance confirms) / 审批中 (a link to its approval) / 已到账 / 已驳回 (the reason on hover). */
export function PaymentStatusTag({ payment }: { payment: Pick<Payment, 'status' | 'rejectReason' | 'approvalRequestId'> }) {
  const { t } = useTranslation('receivables');
  const { status, rejectReason, approvalRequestId } = payment;
  const tag = (
    <Tag color={PAYMENT_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="payment-status">
      {t(`paymentStatus.${status}`)}
    </Tag>
  );
  if (status === 'in_approval' && approvalRequestId)
    return (
      <Link to={`/approvals/${approvalRequestId}`} onClick={(e) => e.stopPropagation()}>
        {tag}
      </Link>
    );
  return status === 'rejected' && rejectReason ? (
    <Tooltip title={t('payments.rejectReason', { reason: rejectReason })}>{tag}</Tooltip>
  ) : (
    tag
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
