import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lead } from './api.js';

const COLORS: Record<Lead['status'], string> = {
  new: 'blue',
  contacted: 'cyan',
  qualified: 'green',
  disqualified: 'default',
  converted: 'purple',
};

export function LeadStatusTag({ status }: { status: Lead['status'] }) {
  const { t } = useTranslation('leads');
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
