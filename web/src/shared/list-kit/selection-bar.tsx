import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Above a list with rows ticked: how many, the page's bulk actions, and a way to untick them all. */
export function SelectionBar({ count, onClear, children }: { count: number; onClear: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <div style={{ padding: '8px 12px', marginBottom: 12, background: '#e6f4ff', borderRadius: 6 }} data-testid="list-selection">
      <Space wrap>
        <Typography.Text strong>{t('list.selected', { count })}</Typography.Text>
        {children}
        <Typography.Link onClick={onClear}>{t('list.clearSelection')}</Typography.Link>
      </Space>
    </div>
  );
}
