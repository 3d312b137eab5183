import { EditOutlined } from '@ant-design/icons';
import { usagePercent } from '@contracts/credit.js';
import { Alert, Button, Descriptions, Empty, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import type { TabRecord } from '../../app/record-tabs.js';
import { formatMoney } from '../../shared/format.js';
import { useCreditPosition } from './api.js';
import { CreditLimitModal } from './credit-limit-modal.js';
import { CreditUsage } from './credit-usage.js';

/** The customer's 信用额度 tab: the limit, what stands against it source by source, and what is left. */
export function CustomerCreditTab({ record }: { record: TabRecord }) {
  const { t } = useTranslation('credit');
  const { can } = useAuth();
  const query = useCreditPosition(record.id);
  const [editing, setEditing] = useState(false);
  if (query.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (query.isError || !query.data) return <Result status="warning" title={t('tab.loadFailed')} />;
  const p = query.data;
  const canEdit = can('credit_limits', 'edit');
  const editButton = canEdit && (
    <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="credit-edit">
      {p.creditLimit === null ? t('tab.set') : t('tab.change')}
    </Button>
  );
  const over = p.available?.startsWith('-') ?? false;
  return (
    <div style={{ paddingTop: 8 }} data-testid="customer-credit">
      {p.creditLimit === null ? (
        <Empty description={t('tab.noLimit')} image={Empty.PRESENTED_IMAGE_SIMPLE}>
          {editButton}
        </Empty>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {over && <Alert type="error" showIcon message={t('tab.over', { amount: formatMoney(p.available?.slice(1)) })} />}
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            extra={editButton}
            items={[
              {
                key: 'limit',
                label: t('fields.creditLimit'),
                children: <Typography.Text strong>{formatMoney(p.creditLimit)}</Typography.Text>,
              },
              {
                key: 'available',
                label: t('fields.available'),
                children: <Typography.Text type={over ? 'danger' : undefined}>{formatMoney(p.available)}</Typography.Text>,
              },
              { key: 'exposure', label: t('fields.exposure'), children: formatMoney(p.exposure) },
              {
                key: 'usage',
                label: t('fields.usage'),
                children: <CreditUsage usage={usagePercent(p.creditLimit, p.exposure)} width={220} />,
              },
              ...p.parts.map((part) => ({ key: part.key, label: part.label, children: formatMoney(part.amount) })),
            ]}
          />
          <Typography.Text type="secondary">{t('tab.explain')}</Typography.Text>
        </Space>
      )}
      {canEdit && <CreditLimitModal position={p} open={editing} onClose={() => setEditing(false)} />}
    </div>
  );
}
