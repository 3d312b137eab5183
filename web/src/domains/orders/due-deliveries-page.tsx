import type { DueWindow } from '@contracts/orders.js';
import { Badge, Card, Empty, Grid, List, Result, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../shared/page-header.js';
import { type DueLine, useDueDeliveries } from './api.js';
import { shortQty } from './order-draft.js';

const TABS: DueWindow[] = ['today', 'tomorrow', 'week', 'overdue'];

/** Seed 004 自动交货提醒: what must go out today, tomorrow, within the week — and what is already late. */
export function DueDeliveriesPage() {
  const { t } = useTranslation('orders');
  const [window, setWindow] = useState<DueWindow>('today');
  const due = useDueDeliveries(window);
  const counts = due.data?.counts;
  const phone = !Grid.useBreakpoint().md;
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('due.empty')} />;

  return (
    <>
      <PageHeader title={t('due.title')} sub={due.data ? t('due.sub', { today: due.data.today }) : undefined} />
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={window}
          onChange={(k) => setWindow(k as DueWindow)}
          items={TABS.map((w) => ({
            key: w,
            label: (
              <Space size={6} data-testid={`due-tab-${w}`}>
                {t(`due.${w}`)}
                {counts && counts[w] > 0 && <Badge count={counts[w]} color={w === 'overdue' ? 'red' : w === 'today' ? 'orange' : 'blue'} />}
              </Space>
            ),
          }))}
        />
        {due.isError ? (
          <Result status="error" title={t('due.loadFailed')} />
        ) : phone ? (
          // On a phone: one card per line, what is owed first.
          <List<DueLine>
            loading={due.isFetching && !due.data}
            dataSource={due.data?.items ?? []}
            locale={{ emptyText: empty }}
            data-testid="due-list"
            renderItem={(l) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space size={6} wrap>
                      <span>{l.name}</span>
                      <Typography.Text strong type="warning">
                        {t('line.undelivered')} {shortQty(l.undelivered)}
                        {l.unit}
                      </Typography.Text>
                    </Space>
                  }
                  description={
                    <Space orientation="vertical" size={2}>
                      <Link to={`/customers/${l.customerId}`}>{l.customerName}</Link>
                      <Space size={6} wrap>
                        <span>
                          {t('line.requiredDate')} {l.requiredDate}
                        </span>
                        {l.daysLate > 0 && <Tag color="red">{t('due.daysLate', { n: l.daysLate })}</Tag>}
                        <Link to={`/orders/${l.orderId}`}>{l.orderNumber}</Link>
                      </Space>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Table<DueLine>
            rowKey="orderLineId"
            size="middle"
            loading={due.isFetching && !due.data}
            dataSource={due.data?.items ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="due-table"
            locale={{ emptyText: empty }}
            columns={[
              {
                key: 'requiredDate',
                title: t('line.requiredDate'),
                width: 150,
                render: (_, l) => (
                  <Space size={6}>
                    <span>{l.requiredDate}</span>
                    {l.daysLate > 0 && <Tag color="red">{t('due.daysLate', { n: l.daysLate })}</Tag>}
                  </Space>
                ),
              },
              {
                key: 'customer',
                title: t('fields.customer'),
                render: (_, l) => <Link to={`/customers/${l.customerId}`}>{l.customerName}</Link>,
              },
              {
                key: 'product',
                title: t('line.product'),
                render: (_, l) => (
                  <div>
                    <div>{l.name}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {l.code}
                    </Typography.Text>
                  </div>
                ),
              },
              { key: 'ordered', title: t('line.ordered'), align: 'right', render: (_, l) => `${shortQty(l.quantity)}${l.unit}` },
              { key: 'delivered', title: t('line.delivered'), align: 'right', render: (_, l) => shortQty(l.delivered) },
              {
                key: 'undelivered',
                title: t('line.undelivered'),
                align: 'right',
                render: (_, l) => (
                  <Typography.Text strong type="warning">
                    {shortQty(l.undelivered)}
                  </Typography.Text>
                ),
              },
              { key: 'order', title: t('due.order'), render: (_, l) => <Link to={`/orders/${l.orderId}`}>{l.orderNumber}</Link> },
              { key: 'owner', title: t('fields.owner'), render: (_, l) => l.ownerName ?? '—' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
