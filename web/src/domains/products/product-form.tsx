import { LIMITS } from '@contracts/common.js';
import { PRODUCT_LIMITS } from '@contracts/products.js';
import { useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Col, Divider, Form, Input, InputNumber, Radio, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { FormDrawer, freshOnEachOpen, MoneyInput, useRecordForm } from '../../shared/form-kit/index.js';
import { type Product, type ProductInput, type ProductKind, reloadProduct, useSaveProduct } from './api.js';
import { BundleEditor, type ComponentLine } from './bundle-editor.js';
import { CategorySelect } from './category-select.js';

interface FormValues {
  kind: ProductKind;
  code: string;
  name: string;
  specification?: string | null;
  unit: string;
  categoryId?: string | null;
  listPrice?: string | null;
  costPrice?: string | null;
  taxRate: string;
  active: boolean;
  description?: string | null;
  components?: ComponentLine[];
}

const UNITS = ['台', '套', '个', '件', '箱', '罐', '瓶', '年', '月', '次', '场', '人天'];

const toFormValues = (p: Product | undefined): FormValues =>
  p
    ? {
        kind: p.kind,
        code: p.code,
        name: p.name,
        specification: p.specification,
        unit: p.unit,
        categoryId: p.categoryId ?? undefined,
        listPrice: p.listPrice,
        costPrice: p.costPrice ?? null,
        taxRate: p.taxRate,
        active: p.active,
        description: p.description,
        components: p.components.map((c) => ({
          productId: c.productId,
          quantity: c.quantity,
          unitPrice: c.unitPrice,
          code: c.code,
          name: c.name,
        })),
      }
    : { kind: 'product', code: '', name: '', unit: '', taxRate: '13.00', active: true, components: [] };

const text = (v: string | null | undefined) => v?.trim() || null;

/** The body for the product's kind; cost only from those who may see it (the server refuses it otherwise). */
function toBody(v: FormValues, seesCosts: boolean): ProductInput {
  const common = {
    code: v.code.trim(),
    name: v.name.trim(),
    specification: text(v.specification),
    unit: v.unit.trim(),
    categoryId: v.categoryId ?? null,
    taxRate: v.taxRate,
    active: v.active,
    description: text(v.description),
  };
  if (v.kind === 'bundle') {
    const lines = (v.components ?? []).map((c) => ({
      productId: c.productId as string,
      quantity: String(c.quantity),
      unitPrice: String(c.unitPrice),
    }));
    return { ...common, components: lines };
  }
  return { ...common, listPrice: v.listPrice ?? '0', ...(seesCosts ? { costPrice: v.costPrice || null } : {}) };
}

interface Props {
  open: boolean;
  /** The product to edit; without it the drawer creates one. */
  product?: Product;
  onClose: () => void;
  onSaved?: (product: Product) => void;
}

/** Create / edit a product or a bundle (Q1) in a drawer. */
export const ProductFormDrawer = freshOnEachOpen(ProductFormSession);

function ProductFormSession({ open, product, onClose, onSaved }: Props) {
  const { t } = useTranslation('products');
  const { can } = useAuth();
  const seesCosts = can('product_costs', 'view');
  const qc = useQueryClient();
  const save = useSaveProduct();
  const rf = useRecordForm<FormValues, Product>({
    record: product,
    toValues: toFormValues,
    save: (values, base) => {
      const body = toBody(values, seesCosts);
      return save.mutateAsync(base ? { id: base.id, body: { ...body, version: base.version } } : { body: { ...body, kind: values.kind } });
    },
    reload: (base) => reloadProduct(qc, base.id),
    onSaved,
    onClose,
  });
  const { editing, record: base, form } = rf;
  const kind: ProductKind = Form.useWatch('kind', form) ?? base?.kind ?? 'product';
  const half = { xs: 24, sm: 12 };

  return (
    <FormDrawer
      open={open}
      title={editing ? t('form.editTitle', { name: base?.name }) : t('form.createTitle')}
      width={760}
      saveTestId="product-save"
      {...rf.shellProps}
    >
      <Form<FormValues> {...rf.formProps} data-testid="product-form">
        <Form.Item name="kind" label={t('fields.kind')} extra={!editing && t('form.kindHint')}>
          {editing ? (
            <Tag color={kind === 'bundle' ? 'purple' : 'default'}>{t(`kind.${kind}`)}</Tag>
          ) : (
            <Radio.Group optionType="button" data-testid="product-kind">
              <Radio.Button value="product">{t('kind.product')}</Radio.Button>
              <Radio.Button value="bundle">{t('kind.bundle')}</Radio.Button>
            </Radio.Group>
          )}
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="code"
              label={t('fields.code')}
              rules={[
                { required: true, whitespace: true },
                { max: PRODUCT_LIMITS.code },
                { pattern: /^\S+$/, message: t('form.codeNoSpace') },
              ]}
            >
              <Input maxLength={PRODUCT_LIMITS.code} placeholder={t('form.codePlaceholder')} autoFocus={!editing} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true }, { max: PRODUCT_LIMITS.name }]}>
              <Input maxLength={PRODUCT_LIMITS.name} placeholder={t('form.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="specification" label={t('fields.specification')} rules={[{ max: PRODUCT_LIMITS.specification }]}>
              <Input maxLength={PRODUCT_LIMITS.specification} placeholder={t('form.specificationPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={kind === 'bundle' ? 12 : 6}>
            <Form.Item name="unit" label={t('fields.unit')} rules={[{ required: true, whitespace: true }, { max: PRODUCT_LIMITS.unit }]}>
              <AutoComplete
                options={UNITS.map((u) => ({ value: u }))}
                placeholder={t('form.unitPlaceholder')}
                maxLength={PRODUCT_LIMITS.unit}
              />
            </Form.Item>
          </Col>
          {/* A bundle is taxed line by line, at each product's own rate. */}
          <Col xs={12} sm={6} style={kind === 'bundle' ? { display: 'none' } : undefined}>
            <Form.Item name="taxRate" label={t('fields.taxRate')} rules={[{ required: true }]} tooltip={t('form.taxRateHint')}>
              <InputNumber<string> stringMode min="0" max="100" precision={2} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="categoryId" label={t('fields.category')}>
              <CategorySelect placeholder={t('form.categoryPlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="active" label={t('fields.active')}>
              <Radio.Group>
                <Radio value={true}>{t('form.activeOn')}</Radio>
                <Radio value={false}>{t('form.activeOff')}</Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
          {kind === 'product' && (
            <>
              <Col {...half}>
                <Form.Item name="listPrice" label={t('fields.listPrice')} rules={[{ required: true }]}>
                  <MoneyInput data-testid="product-list-price" />
                </Form.Item>
              </Col>
              {seesCosts && (
                <Col {...half}>
                  <Form.Item name="costPrice" label={t('fields.costPrice')} extra={t('form.costHint')}>
                    <MoneyInput />
                  </Form.Item>
                </Col>
              )}
            </>
          )}
          <Col xs={24}>
            <Form.Item name="description" label={t('fields.description')} rules={[{ max: LIMITS.text }]}>
              <Input.TextArea rows={3} maxLength={LIMITS.text} showCount placeholder={t('form.descriptionPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'bundle' && (
          <>
            <Divider titlePlacement="start" plain>
              {t('fields.components')}
            </Divider>
            <Typography.Paragraph type="secondary">{t('form.bundlePriceHint')}</Typography.Paragraph>
            <BundleEditor form={form} />
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
