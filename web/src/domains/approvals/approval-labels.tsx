import type { Locale } from '@contracts/common.js';
import { useQueryClient } from '@tanstack/react-query';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ApprovalList, type RequestStatus, useFlows } from './api.js';

const STATUS_COLOR: Record<RequestStatus, string> = { pending: 'blue', approved: 'green', rejected: 'red', withdrawn: 'default' };

/** 审批中 (blue) / 已通过 (green) / 已驳回 (red) / 已撤回 (grey). */
export function ApprovalStatusTag({ status }: { status: RequestStatus }) {
  const { t } = useTranslation('approvals');
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="approval-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

/** 或签 / 会签, with what it means on hover. */
export function ModeTag({ mode }: { mode: 'any' | 'all' }) {
  const { t } = useTranslation('approvals');
  return (
    <Tooltip title={t(`modeHint.${mode}`)}>
      <Tag color={mode === 'all' ? 'purple' : 'cyan'} style={{ marginInlineEnd: 0 }}>
        {t(`mode.${mode}`)}
      </Tag>
    </Tooltip>
  );
}

/**
 * The document types to filter by. The flow list names them all but needs approval_flows:view; for
 * everyone else the types come from the rows already fetched (the caller's own boxes), which are
 * the only ones he could find anyway.
 */
export function useDocumentTypeOptions(selected: string | undefined) {
  const { i18n } = useTranslation();
  const qc = useQueryClient();
  const flows = useFlows();
  const labels = new Map<string, string>();
  for (const f of flows.data?.items ?? []) labels.set(f.documentType, f.labels[i18n.language as Locale] ?? f.documentType);
  for (const [, list] of qc.getQueriesData<ApprovalList>({ queryKey: ['approvals', 'list'] })) {
    for (const row of list?.items ?? []) if (!labels.has(row.documentType)) labels.set(row.documentType, row.documentLabel);
  }
  if (selected && !labels.has(selected)) labels.set(selected, selected);
  return [...labels].map(([value, label]) => ({ value, label }));
}
