import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitPlanStatus } from './api.js';

const COLORS: Record<VisitPlanStatus, string> = { planned: 'processing', done: 'success', missed: 'error' };

/** 计划中 / 已拜访 / 未拜访 */
export function VisitStatusTag({ status }: { status: VisitPlanStatus }) {
  const { t } = useTranslation('visitPlans');
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
