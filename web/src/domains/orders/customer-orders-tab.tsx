import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import type { TabRecord } from '../../app/record-tabs.js';
import { formatMoney } from '../../shared/format.js';
import { type OrderRow, useOrders } from './api.js';
import { DeliveryProgress, OrderStatusTag } from './order-labels.js';

/** The customer's 销售订单 tab: its latest orders, how far each has gone out, and a new one for it. */
export function CustomerOrdersTab({ record }: { record: TabRecord }) {
  const { t } = useTranslation('orders');
  const { can } = useAuth();
  const navigate = useNavigate();
  const { data, isLoading } = useOrders({ customerId: record.id, pageSize: 10, sort: '-orderDate' });
  if (isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  const create = can('orders', 'create') && (
    <Button icon={<PlusOutlined />} onClick={() => navigate(`/orders/new?customerId=${record.id}`)} data-testid="customer-new-order">
      {t('tab.new')}
    </Button>
  );
  if (!data || data.items.length === 0)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tab.empty')}>
        {create}
      </Empty>
    );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="customer-orders">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Link to={`/orders?customerId=${record.id}`}>{t('tab.more', { total: data.total })}</Link>
        {create}
      </Space>
      <Table<OrderRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.items}
        scroll={{ x: 'max-content' }}
        onRow={(o) => ({ onClick: () => navigate(`/orders/${o.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'number', title: t('fields.number'), render: (_, o) => <Link to={`/orders/${o.id}`}>{o.number}</Link> },
          { key: 'orderDate', title: t('fields.orderDate'), render: (_, o) => o.orderDate },
          { key: 'total', title: t('fields.total'), align: 'right', className: 'money', render: (_, o) => formatMoney(o.total) },
          {
            key: 'progress',
            title: t('fields.progress'),
            render: (_, o) => <DeliveryProgress quantity={o.quantity} delivered={o.delivered} />,
          },
          { key: 'next', title: t('fields.nextRequiredDate'), render: (_, o) => o.nextRequiredDate ?? '—' },
          { key: 'status', title: t('fields.status'), render: (_, o) => <OrderStatusTag status={o.status} /> },
        ]}
      />
    </Space>
  );
}
