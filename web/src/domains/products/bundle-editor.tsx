import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { PRODUCT_LIMITS } from '@contracts/products.js';
import { Button, Col, Empty, Form, type FormInstance, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import { MoneyInput } from '../../shared/form-kit/index.js';
import { bundleSum, lineAmount } from './bundle-amounts.js';
import { ProductSelect } from './product-select.js';

/** One line as the form holds it; code and name only label a product the picker has not loaded. */
export interface ComponentLine {
  productId?: string;
  quantity?: string | null;
  unitPrice?: string | null;
  code?: string;
  name?: string;
}

/**
 * A bundle's lines (Q1): which products, how many, at what price inside the bundle. The bundle's
 * price is their sum, shown as it will be saved.
 */
export function BundleEditor({ form }: { form: FormInstance }) {
  const { t } = useTranslation('products');
  const lines: ComponentLine[] = Form.useWatch('components', form) ?? [];
  return (
    <Form.List
      name="components"
      rules={[{ validator: async (_, v?: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('bundle.needOne')))) }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="bundle-editor">
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bundle.empty')} style={{ margin: 8 }} />}
          {fields.map((field, i) => {
            const line = lines[i] ?? {};
            const amount = lineAmount(line.quantity, line.unitPrice);
            return (
              <Row key={field.key} gutter={8} align="top" wrap>
                <Col xs={24} md={10}>
                  <Form.Item
                    name={[field.name, 'productId']}
                    label={i === 0 ? t('bundle.product') : undefined}
                    rules={[{ required: true }]}
                  >
                    <ProductSelect
                      kind="product"
                      current={line.productId && line.code ? { id: line.productId, code: line.code, name: line.name ?? '' } : null}
                      onPick={(p) => {
                        if (!line.unitPrice) form.setFieldValue(['components', field.name, 'unitPrice'], p.listPrice);
                      }}
                      data-testid={`bundle-product-${i}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={7} md={4}>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    label={i === 0 ? t('bundle.quantity') : undefined}
                    rules={[{ required: true }]}
                  >
                    <InputNumber<string> stringMode min="0.01" max="99999999.99" precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={10} md={5}>
                  <Form.Item
                    name={[field.name, 'unitPrice']}
                    label={i === 0 ? t('bundle.unitPrice') : undefined}
                    rules={[{ required: true }]}
                  >
                    <MoneyInput />
                  </Form.Item>
                </Col>
                <Col xs={5} md={4}>
                  <Form.Item label={i === 0 ? t('bundle.amount') : undefined}>
                    <Typography.Text style={{ lineHeight: '32px', whiteSpace: 'nowrap' }}>{formatMoney(amount)}</Typography.Text>
                  </Form.Item>
                </Col>
                <Col xs={2} md={1}>
                  <Form.Item label={i === 0 ? ' ' : undefined}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('bundle.remove')}
                      onClick={() => remove(field.name)}
                    />
                  </Form.Item>
                </Col>
              </Row>
            );
          })}
          <Form.ErrorList errors={errors} />
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ quantity: '1' })}
              disabled={fields.length >= PRODUCT_LIMITS.components}
              data-testid="bundle-add"
            >
              {t('bundle.add')}
            </Button>
            <Typography.Text strong data-testid="bundle-total">
              {t('bundle.total')}：{formatMoney(bundleSum(lines))}
            </Typography.Text>
          </div>
        </div>
      )}
    </Form.List>
  );
}
