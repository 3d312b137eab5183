import type { ExpenseStatus } from '@contracts/expenses.js';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePicklist } from '../../shared/use-picklist.js';

const COLORS: Record<ExpenseStatus, string> = { draft: 'default', in_approval: 'processing', approved: 'success', rejected: 'error' };

export function ExpenseStatusTag({ status }: { status: ExpenseStatus }) {
  const { t } = useTranslation('expenses');
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="expense-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

/** The category's label in the user's language (業務招待 …), from the expense_category picklist. */
export const useCategoryLabel = () => usePicklist('expense_category').label;
