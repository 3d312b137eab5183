import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { formatMoney } from '../../shared/format.js';
import { type Opportunity, useOpportunities } from './api.js';
import { statusColor } from './list-page.js';
import { OpportunityFormDrawer } from './opportunity-form.js';
import { useStageLabel } from './stage-label.js';

/** C8 customer 360: the customer's deals, open ones first, with a button to start a new one. */
export function CustomerOpportunities({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation('opportunities');
  const { can } = useAuth();
  const stageLabel = useStageLabel();
  const [creating, setCreating] = useState(false);
  const { data, isLoading } = useOpportunities(
    { customerId: customer.id, pageSize: 100, sort: '-updatedAt' },
    can('opportunities', 'view'),
  );
  const items = [...(data?.items ?? [])].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'));
  return (
    <Space direction="vertical" style={{ width: '100%', paddingTop: 8 }}>
      {can('opportunities', 'create') && (
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-opportunity-new">
          {t('customerTab.new')}
        </Button>
      )}
      <Table<Opportunity>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customerTab.empty')} /> }}
        columns={[
          { key: 'name', title: t('fields.name'), render: (_, o) => <Link to={`/opportunities/${o.id}`}>{o.name}</Link> },
          {
            key: 'stage',
            title: t('fields.stage'),
            render: (_, o) => <Tag color={statusColor[o.status]}>{stageLabel(o.stage.labels)}</Tag>,
          },
          { key: 'amount', title: t('fields.amount'), align: 'right', className: 'money', render: (_, o) => formatMoney(o.amount) },
          { key: 'probability', title: t('fields.probability'), align: 'right', render: (_, o) => `${o.probability}%` },
          { key: 'close', title: t('fields.expectedCloseDate'), render: (_, o) => o.expectedCloseDate ?? '—' },
          { key: 'owner', title: t('fields.owner'), render: (_, o) => o.ownerName ?? '—' },
        ]}
      />
      <OpportunityFormDrawer open={creating} customer={customer} onClose={() => setCreating(false)} />
    </Space>
  );
}
