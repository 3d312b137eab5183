import { LIMITS } from '@contracts/common.js';
import { ORDER_LIMITS } from '@contracts/orders.js';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../shared/api-form.js';
import { companyToday } from '../../shared/dates.js';
import { DateField, FormDrawer } from '../../shared/form-kit/index.js';
import { type Order, type OrderLine, useRecordDelivery } from './api.js';
import { deliverableQuantity, shortQty } from './order-draft.js';

interface FormValues {
  deliveredOn: string;
  carrier?: string;
  trackingNo?: string;
  note?: string;
}

const remainingOf = (lines: OrderLine[]) =>
  Object.fromEntries(lines.filter((l) => l.undelivered !== '0.00').map((l) => [l.id, l.undelivered]));

/** 发货: a quantity per line still owed (each defaults to what is left), the date, carrier and tracking number. */
export function DeliveryDrawer({ order, open, onClose }: { order: Order; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('orders');
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const record = useRecordDelivery();
  const owed = order.lines.filter((l) => l.undelivered !== '0.00');
  const [quantities, setQuantities] = useState<Record<string, string>>(() => remainingOf(order.lines));

  const onSave = async () => {
    const values = await form.validateFields();
    const chosen = owed.filter((l) => deliverableQuantity(quantities[l.id] ?? '', l.undelivered) !== 'empty');
    const wrong = owed.find((l) => ['bad', 'too_much'].includes(deliverableQuantity(quantities[l.id] ?? '', l.undelivered)));
    if (wrong) return void message.warning(t('delivery.tooMuch', { name: wrong.name, n: shortQty(wrong.undelivered) }));
    if (chosen.length === 0) return void message.warning(t('delivery.needQuantity'));
    try {
      await record.mutateAsync({
        orderId: order.id,
        deliveredOn: values.deliveredOn,
        carrier: values.carrier?.trim() || null,
        trackingNo: values.trackingNo?.trim() || null,
        note: values.note?.trim() || null,
        lines: chosen.map((l) => ({ orderLineId: l.id, quantity: (quantities[l.id] ?? '').trim() })),
      });
      message.success(t('delivery.saved'));
      onClose();
    } catch (e) {
      const rest = applyApiError(form, e);
      if (rest) message.error(rest);
    }
  };

  return (
    <FormDrawer
      open={open}
      title={t('delivery.title', { number: order.number })}
      onClose={onClose}
      onSave={() => void onSave()}
      saving={record.isPending}
      saveTestId="delivery-save"
      width={760}
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={{ deliveredOn: companyToday() }}>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <DateField name="deliveredOn" label={t('delivery.deliveredOn')} rules={[{ required: true }]} testId="delivery-date" />
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="carrier" label={t('delivery.carrier')}>
              <Input maxLength={ORDER_LIMITS.carrier} placeholder={t('delivery.carrierPlaceholder')} data-testid="delivery-carrier" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="trackingNo" label={t('delivery.trackingNo')}>
              <Input maxLength={ORDER_LIMITS.trackingNo} data-testid="delivery-tracking" />
            </Form.Item>
          </Col>
        </Row>
        <Space style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('delivery.thisTime')}</Typography.Text>
          <Button size="small" type="link" onClick={() => setQuantities(remainingOf(order.lines))}>
            {t('delivery.fillAll')}
          </Button>
          <Button size="small" type="link" onClick={() => setQuantities({})}>
            {t('delivery.clearAll')}
          </Button>
        </Space>
        <Table<OrderLine>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={owed}
          style={{ marginBottom: 16 }}
          columns={[
            {
              key: 'product',
              title: t('line.product'),
              render: (_, l) => (
                <div>
                  <div>{l.name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {l.code} · {t('line.requiredDate')} {l.requiredDate}
                  </Typography.Text>
                </div>
              ),
            },
            { key: 'ordered', title: t('line.ordered'), align: 'right', render: (_, l) => `${shortQty(l.quantity)}${l.unit}` },
            { key: 'delivered', title: t('line.delivered'), align: 'right', render: (_, l) => shortQty(l.delivered) },
            {
              key: 'now',
              title: t('delivery.thisTime'),
              width: 170,
              render: (_, l) => {
                const v = quantities[l.id] ?? '';
                const state = deliverableQuantity(v, l.undelivered);
                return (
                  <InputNumber<string>
                    stringMode
                    min="0"
                    max={l.undelivered}
                    precision={2}
                    value={v}
                    status={state === 'bad' || state === 'too_much' ? 'error' : undefined}
                    suffix={l.unit}
                    placeholder={t('delivery.remaining', { n: shortQty(l.undelivered) })}
                    onChange={(n) => setQuantities((q) => ({ ...q, [l.id]: n ?? '' }))}
                    style={{ width: '100%' }}
                    aria-label={`${t('delivery.thisTime')} ${l.name}`}
                    data-testid="delivery-line-quantity"
                  />
                );
              },
            },
          ]}
        />
        {owed.length === 0 && <Alert type="info" showIcon title={t('detail.noDeliveries')} />}
        <Form.Item name="note" label={t('delivery.note')}>
          <Input.TextArea rows={2} maxLength={Math.min(500, LIMITS.text)} data-testid="delivery-note" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
