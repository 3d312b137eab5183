import {
  ArrowLeftOutlined,
  CarOutlined,
  DeleteOutlined,
  EditOutlined,
  StopOutlined,
  UndoOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Popconfirm, Row, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { formatDateTime } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { RecordPageState } from '../../shared/record-page-state.js';
import { ApprovalPanel } from '../approvals/public.js';
import { type Order, type OrderLine, reloadOrder, useDeleteOrder, useHasApproval, useOrder, useOrderStep, useUndoDelivery } from './api.js';
import { DeliveryDrawer } from './delivery-drawer.js';
import { shortQty } from './order-draft.js';
import { OrderHistory } from './order-history.js';
import { DeliveryProgress, OrderStatusTag } from './order-labels.js';

export function OrderDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('orders');
  const { data, isLoading, error } = useOrder(id);
  if (!data)
    return (
      <RecordPageState
        isLoading={isLoading}
        error={error}
        notFound={t('detail.notFound')}
        back={{ label: t('detail.back'), to: '/orders' }}
      />
    );
  return <OrderDetail o={data} />;
}

function OrderActions({ o, onDeliver }: { o: Order; onDeliver: () => void }) {
  const { t } = useTranslation('orders');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const step = useOrderStep();
  const del = useDeleteOrder();
  const run = async (path: 'submit' | 'cancel') => {
    try {
      const saved = await step.mutateAsync({ id: o.id, path, version: o.version });
      message.success(
        path === 'cancel' ? t('detail.cancelled') : saved.status === 'confirmed' ? t('detail.confirmedNow') : t('detail.submitted'),
      );
    } catch (e) {
      if (isVersionConflict(e)) conflict(() => void reloadOrder(qc, o.id));
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space wrap>
      {o.can.deliver && (
        <Button type="primary" icon={<CarOutlined />} onClick={onDeliver} data-testid="order-deliver">
          {t('detail.deliver')}
        </Button>
      )}
      {o.can.edit && (
        <Button icon={<EditOutlined />} onClick={() => navigate(`/orders/${o.id}/edit`)} data-testid="order-edit">
          {t('detail.edit')}
        </Button>
      )}
      {o.can.submit && (
        <Button
          type="primary"
          icon={<UploadOutlined />}
          loading={step.isPending}
          onClick={() => void run('submit')}
          data-testid="order-submit"
        >
          {t('detail.submit')}
        </Button>
      )}
      {o.can.cancel && (
        <Popconfirm
          title={t('detail.cancelConfirm', { number: o.number })}
          okText={t('detail.cancel')}
          okButtonProps={{ danger: true, loading: step.isPending }}
          placement="bottomRight"
          onConfirm={() => run('cancel')}
        >
          <Button danger icon={<StopOutlined />} data-testid="order-cancel">
            {t('detail.cancel')}
          </Button>
        </Popconfirm>
      )}
      {o.can.delete && (
        <Popconfirm
          title={t('detail.deleteConfirm', { number: o.number })}
          okText={t('detail.delete')}
          okButtonProps={{ danger: true, loading: del.isPending }}
          placement="bottomRight"
          onConfirm={async () => {
            try {
              await del.mutateAsync(o.id);
              message.success(t('detail.deleted'));
              navigate('/orders');
            } catch (e) {
              message.error(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="order-delete">
            {t('detail.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function Deliveries({ o }: { o: Order }) {
  const { t, i18n } = useTranslation('orders');
  const { message } = App.useApp();
  const undo = useUndoDelivery();
  if (o.deliveries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noDeliveries')} data-testid="order-no-deliveries" />;
  return (
    <List
      data-testid="order-deliveries"
      dataSource={o.deliveries}
      renderItem={(d) => (
        <List.Item
          data-testid="order-delivery"
          actions={
            o.can.undoDelivery
              ? [
                  <Popconfirm
                    key="undo"
                    title={t('detail.undoConfirm', { date: d.deliveredOn })}
                    okText={t('detail.undo')}
                    okButtonProps={{ danger: true, loading: undo.isPending }}
                    placement="left"
                    onConfirm={async () => {
                      try {
                        await undo.mutateAsync(d.id);
                        message.success(t('detail.undone'));
                      } catch (e) {
                        message.error(e instanceof Error ? e.message : String(e));
                      }
                    }}
                  >
                    <Button size="small" type="link" danger icon={<UndoOutlined />} data-testid="delivery-undo">
                      {t('detail.undo')}
                    </Button>
                  </Popconfirm>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space size={8} wrap>
                <strong>{d.deliveredOn}</strong>
                {(d.carrier || d.trackingNo) && (
                  <Typography.Text type="secondary">
                    {t('detail.carrierTracking', { carrier: d.carrier ?? '', no: d.trackingNo ?? '—' })}
                  </Typography.Text>
                )}
              </Space>
            }
            description={
              <>
                <div>{d.lines.map((l) => `${l.name} ${shortQty(l.quantity)}${l.unit}`).join('、')}</div>
                {d.note && <div>{d.note}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(d.createdAt, i18n.language)} · {t('detail.by', { name: d.createdBy ?? '—' })}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

function OrderDetail({ o }: { o: Order }) {
  const { t, i18n } = useTranslation('orders');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [delivering, setDelivering] = useState(false);
  const approval = useHasApproval(o.id);
  const dash = (v: string | null | undefined) => v || '—';
  const owedOrDone = !['draft', 'in_approval', 'cancelled'].includes(o.status);

  const items = [
    { key: 'customer', label: t('fields.customer'), children: <Link to={`/customers/${o.customerId}`}>{o.customerName}</Link> },
    { key: 'orderDate', label: t('fields.orderDate'), children: o.orderDate },
    { key: 'total', label: t('fields.total'), children: <strong data-testid="order-total">{formatMoney(o.total)}</strong> },
    ...(o.contractId
      ? [{ key: 'contract', label: t('fields.contract'), children: <Link to={`/contracts/${o.contractId}`}>{o.contractNumber}</Link> }]
      : []),
    ...(o.opportunityId
      ? [
          {
            key: 'opp',
            label: t('fields.opportunity'),
            children: <Link to={`/opportunities/${o.opportunityId}`}>{o.opportunityName}</Link>,
          },
        ]
      : []),
    {
      key: 'owner',
      label: t('fields.owner'),
      children: o.ownerDeptName ? `${dash(o.ownerName)}（${o.ownerDeptName}）` : dash(o.ownerName),
    },
    { key: 'createdAt', label: t('fields.createdAt'), children: formatDateTime(o.createdAt, i18n.language) },
    ...(o.confirmedAt
      ? [{ key: 'confirmedAt', label: t('fields.confirmedAt'), children: formatDateTime(o.confirmedAt, i18n.language) }]
      : []),
    { key: 'note', label: t('fields.note'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(o.note)}</span> },
  ];

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="order-detail-number">{o.number}</span>
            <OrderStatusTag status={o.status} />
          </Space>
        }
        sub={
          <Space size={8} wrap>
            <Link to={`/customers/${o.customerId}`}>{o.customerName}</Link>
            <span>·</span>
            <strong>{formatMoney(o.total)}</strong>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/orders'))}>
              {t('detail.back')}
            </Button>
            <OrderActions o={o} onDeliver={() => setDelivering(true)} />
          </Space>
        }
      />
      {o.status === 'in_approval' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('detail.locked')} />}

      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card
            variant="borderless"
            title={t('detail.lines')}
            extra={
              owedOrDone && (
                <Space size={8} wrap>
                  <Typography.Text type="secondary" data-testid="order-summary">
                    {t('detail.summary', {
                      quantity: shortQty(o.quantity),
                      delivered: shortQty(o.delivered),
                      undelivered: shortQty(o.undelivered),
                    })}
                  </Typography.Text>
                  <DeliveryProgress quantity={o.quantity} delivered={o.delivered} width={140} />
                </Space>
              )
            }
            style={{ marginBottom: 16 }}
          >
            <Table<OrderLine>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={o.lines}
              scroll={{ x: 'max-content' }}
              data-testid="order-lines"
              columns={[
                {
                  key: 'product',
                  title: t('line.product'),
                  render: (_, l) => (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {l.code}
                      </Typography.Text>
                      <div>{l.name}</div>
                    </div>
                  ),
                },
                { key: 'requiredDate', title: t('line.requiredDate'), render: (_, l) => l.requiredDate },
                { key: 'quantity', title: t('line.ordered'), align: 'right', render: (_, l) => `${shortQty(l.quantity)}${l.unit}` },
                {
                  key: 'unitPrice',
                  title: t('line.unitPrice'),
                  align: 'right',
                  className: 'money',
                  render: (_, l) => formatMoney(l.unitPrice),
                },
                { key: 'amount', title: t('line.amount'), align: 'right', className: 'money', render: (_, l) => formatMoney(l.amount) },
                ...(owedOrDone
                  ? [
                      {
                        key: 'delivered',
                        title: t('line.delivered'),
                        align: 'right' as const,
                        render: (_: unknown, l: OrderLine) => shortQty(l.delivered),
                      },
                      {
                        key: 'undelivered',
                        title: t('line.undelivered'),
                        align: 'right' as const,
                        render: (_: unknown, l: OrderLine) => (
                          <Typography.Text
                            type={l.undelivered === '0.00' ? 'secondary' : 'warning'}
                            strong={l.undelivered !== '0.00'}
                            data-testid="order-line-undelivered"
                          >
                            {shortQty(l.undelivered)}
                          </Typography.Text>
                        ),
                      },
                      {
                        key: 'progress',
                        title: t('line.progress'),
                        render: (_: unknown, l: OrderLine) => (
                          <DeliveryProgress quantity={l.quantity} delivered={l.delivered} width={110} />
                        ),
                      },
                    ]
                  : []),
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={4}>
                    <strong>{t('fields.total')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <strong>{formatMoney(o.total)}</strong>
                  </Table.Summary.Cell>
                  {owedOrDone && <Table.Summary.Cell index={2} colSpan={3} />}
                </Table.Summary.Row>
              )}
            />
          </Card>
          <Card variant="borderless" styles={{ body: { paddingTop: 4 } }} style={{ marginBottom: 16 }}>
            <Tabs
              items={[
                { key: 'deliveries', label: `${t('detail.deliveries')}（${o.deliveries.length}）`, children: <Deliveries o={o} /> },
                { key: 'history', label: t('detail.history'), children: <OrderHistory id={o.id} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card variant="borderless" title={t('detail.info')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" items={items} />
          </Card>
          {(o.status === 'in_approval' || approval.data) && (
            <ApprovalPanel documentType="order" documentId={o.id} onChange={() => void reloadOrder(qc, o.id)} />
          )}
        </Col>
      </Row>
      {o.can.deliver && delivering && <DeliveryDrawer key={o.version} order={o} open={delivering} onClose={() => setDelivering(false)} />}
    </>
  );
}
