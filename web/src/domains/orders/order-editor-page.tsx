import { LIMITS } from '@contracts/common.js';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { applyApiError, isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { companyToday } from '../../shared/dates.js';
import { CustomerSelect, DateField } from '../../shared/form-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { type Order, type OrderInput, reloadOrder, useCustomerName, useOrder, useSaveOrder } from './api.js';
import { badLine, type DraftLine, draftAmounts, linesInput, linesOfOrder } from './order-draft.js';
import { CustomerDocumentSelect } from './customer-document-select.js';
import { OrderLinesEditor } from './order-lines-editor.js';

/** /orders/new[?customerId=…] and /orders/:id/edit (a draft). */
export function OrderEditorPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('orders');
  const order = useOrder(id);
  if (id) {
    if (order.isLoading)
      return (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      );
    if (!order.data) return <Result status="404" title="404" subTitle={t('detail.notFound')} />;
    if (!order.data.can.edit)
      return <Result status="warning" title={t('editor.notDraft')} extra={<Link to={`/orders/${id}`}>{t('detail.back')}</Link>} />;
    return <OrderEditor key={`${order.data.id}:${order.data.version}`} order={order.data} />;
  }
  return <OrderEditor />;
}

interface FormValues {
  orderDate: string;
  contractId?: string | null;
  opportunityId?: string | null;
  note?: string | null;
}

function OrderEditor({ order }: { order?: Order }) {
  const { t } = useTranslation('orders');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveOrder();
  const [customerId, setCustomerId] = useState<string | undefined>(order?.customerId ?? params.get('customerId') ?? undefined);
  const customer = useCustomerName(order ? undefined : customerId);
  const [lines, setLines] = useState<DraftLine[]>(() => (order ? linesOfOrder(order.lines) : []));
  const total = draftAmounts(lines).total;

  const onSave = async () => {
    const values = await form.validateFields();
    if (!customerId) return void message.warning(t('editor.needCustomer'));
    if (lines.length === 0) return void message.warning(t('editor.needLines'));
    const bad = badLine(lines);
    if (bad >= 0) return void message.warning(t('editor.badLine', { row: bad + 1 }));
    const body: OrderInput = {
      orderDate: values.orderDate,
      contractId: values.contractId ?? null,
      opportunityId: values.opportunityId ?? null,
      note: values.note?.trim() || null,
      lines: linesInput(lines),
      ...(order ? { version: order.version } : { customerId }),
    };
    try {
      const saved = await save.mutateAsync({ id: order?.id, body });
      message.success(t(order ? 'editor.saved' : 'editor.created'));
      navigate(`/orders/${saved.id}`, { replace: true });
    } catch (e) {
      if (isVersionConflict(e) && order) conflict(() => void reloadOrder(qc, order.id));
      else {
        const rest = applyApiError(form, e);
        if (rest) message.error(rest);
      }
    }
  };
  const cancel = () =>
    navigate(order ? `/orders/${order.id}` : customerId && params.get('customerId') ? `/customers/${customerId}` : '/orders');

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={{ orderDate: order?.orderDate ?? companyToday(), note: order?.note }}>
      <PageHeader
        title={order ? `${t('editor.editTitle')} ${order.number}` : t('editor.createTitle')}
        sub={order?.customerName}
        extra={
          <Space wrap>
            <Button onClick={cancel}>{t('common:actions.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void onSave()} data-testid="order-save">
              {t('editor.save')}
            </Button>
          </Space>
        }
      />

      <Card variant="borderless" title={t('editor.info')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label={t('fields.customer')} required>
              {order ? (
                <Link to={`/customers/${order.customerId}`}>{order.customerName}</Link>
              ) : (
                <CustomerSelect
                  value={customerId}
                  current={customer.data ?? null}
                  onChange={(v) => {
                    setCustomerId(v);
                    form.setFieldsValue({ contractId: null, opportunityId: null });
                  }}
                  data-testid="order-customer"
                />
              )}
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <DateField name="orderDate" label={t('fields.orderDate')} rules={[{ required: true }]} testId="order-date" />
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="contractId" label={t('fields.contract')}>
              <CustomerDocumentSelect
                source="contracts"
                customerId={customerId}
                currentLabel={order?.contractNumber}
                data-testid="order-contract"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="opportunityId" label={t('fields.opportunity')}>
              <CustomerDocumentSelect
                source="opportunities"
                customerId={customerId}
                currentLabel={order?.opportunityName}
                data-testid="order-opportunity"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="note" label={t('fields.note')}>
              <Input.TextArea rows={2} maxLength={LIMITS.text} placeholder={t('editor.notePlaceholder')} data-testid="order-note" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card
        variant="borderless"
        title={t('editor.lines')}
        extra={
          <Typography.Text>
            {t('fields.total')}
            <strong style={{ fontSize: 18, marginInlineStart: 8 }} data-testid="order-editor-total">
              {formatMoney(total)}
            </strong>
          </Typography.Text>
        }
        style={{ marginBottom: 16 }}
      >
        <OrderLinesEditor lines={lines} onChange={setLines} />
      </Card>
    </Form>
  );
}
