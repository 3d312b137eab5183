import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Amendment, ContractStatus } from './api.js';
import { progressValue } from './contract-draft.js';

const STATUS_COLOR: Record<ContractStatus, string> = {
  draft: 'default',
  in_approval: 'processing',
  effective: 'success',
  terminated: 'warning',
  voided: 'error',
};

/** 草稿 / 审批中 / 已生效 / 已终止 / 已作废. */
export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation('contracts');
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="contract-status" style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}

export function AmendmentStatusTag({ status }: { status: Amendment['status'] }) {
  const { t } = useTranslation('contracts');
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** Q5: how far the contract (or a line) is carried out, as a small bar with its percent. */
export function ContractProgress({ value, width = 120 }: { value: string | null | undefined; width?: number }) {
  const v = progressValue(value);
  return (
    <Progress
      percent={v}
      size="small"
      style={{ width, margin: 0 }}
      format={() => `${v}%`}
      status={v >= 100 ? 'success' : 'normal'}
      data-testid="contract-progress"
    />
  );
}
