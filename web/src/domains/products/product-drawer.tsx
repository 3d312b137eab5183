import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Divider, Drawer, Grid, Popconfirm, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';
import { type Product, useDeleteProduct, useProduct } from './api.js';
import { ProductFormDrawer } from './product-form.js';
import { useProductLabels } from './product-labels.js';
import { KindTag, StatusTag } from './product-tags.js';

/** '2.00' → '2', '1.50' → '1.5': a count reads as people write it. */
const plainQuantity = (q: string) => (q.includes('.') ? q.replace(/0+$/, '').replace(/\.$/, '') : q);

/** A product's details, a bundle's lines, the history and edit / delete, in a drawer over the list. */
export function ProductDrawer({ productId, onClose }: { productId: string | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation('products');
  const { can } = useAuth();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const { data, isLoading, error, refetch } = useProduct(productId);
  // While the drawer slides out (productId gone), it keeps showing the product it had.
  const [last, setLast] = useState<Product>();
  if (data && data !== last) setLast(data);
  const product = productId ? data : last;
  const labels = useProductLabels();
  const del = useDeleteProduct();
  const [editing, setEditing] = useState(false);

  const remove = async (p: Product) => {
    try {
      await del.mutateAsync(p);
      message.success(t('common:deleted'));
      onClose();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const dash = (v: string | null | undefined) => v || '—';
  const body = (p: Product) => {
    // The cost keys are only in the answer for those who may see costs.
    const costs = 'costPrice' in p;
    const rate = p.grossMarginRate ? `${p.grossMarginRate}%` : '—';
    return (
      <>
        <Descriptions
          column={1}
          size="small"
          bordered
          styles={{ label: { width: 110 } }}
          items={[
            { key: 'code', label: t('fields.code'), children: <Typography.Text copyable>{p.code}</Typography.Text> },
            { key: 'kind', label: t('fields.kind'), children: <KindTag kind={p.kind} /> },
            { key: 'specification', label: t('fields.specification'), children: dash(p.specification) },
            { key: 'unit', label: t('fields.unit'), children: p.unit },
            { key: 'category', label: t('fields.category'), children: dash(p.categoryName) },
            {
              key: 'listPrice',
              label: t('fields.listPrice'),
              children: <Typography.Text strong>{formatMoney(p.listPrice)}</Typography.Text>,
            },
            ...(costs
              ? [
                  { key: 'costPrice', label: t('fields.costPrice'), children: formatMoney(p.costPrice) },
                  { key: 'margin', label: t('fields.grossMargin'), children: `${formatMoney(p.grossMargin)}（${rate}）` },
                ]
              : []),
            { key: 'taxRate', label: t('fields.taxRate'), children: p.kind === 'bundle' ? t('bundle.taxByLine') : `${p.taxRate}%` },
            { key: 'active', label: t('fields.active'), children: <StatusTag active={p.active} /> },
            { key: 'createdBy', label: t('fields.createdBy'), children: dash(p.ownerName) },
            { key: 'updatedAt', label: t('fields.updatedAt'), children: formatDateTime(p.updatedAt, i18n.language) },
            {
              key: 'description',
              label: t('fields.description'),
              children: p.description ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.description}</Typography.Paragraph>
              ) : (
                '—'
              ),
            },
          ]}
        />
        {p.kind === 'bundle' && (
          <>
            <Divider titlePlacement="start" plain>
              {t('fields.components')}
            </Divider>
            <Table
              size="small"
              rowKey="productId"
              pagination={false}
              dataSource={p.components}
              data-testid="bundle-lines"
              scroll={{ x: 460 }}
              columns={[
                {
                  key: 'product',
                  title: t('bundle.product'),
                  render: (_, c) => (
                    <Space size={4} wrap>
                      <Typography.Text type="secondary">{c.code}</Typography.Text>
                      {c.name}
                      {!c.active && <Tag>{t('bundle.inactive')}</Tag>}
                    </Space>
                  ),
                },
                {
                  key: 'quantity',
                  title: t('bundle.quantity'),
                  align: 'right',
                  width: 90,
                  render: (_, c) => `${plainQuantity(c.quantity)} ${c.unit}`,
                },
                { key: 'unitPrice', title: t('bundle.unitPrice'), align: 'right', width: 120, render: (_, c) => formatMoney(c.unitPrice) },
                { key: 'amount', title: t('bundle.amount'), align: 'right', width: 120, render: (_, c) => formatMoney(c.amount) },
              ]}
            />
          </>
        )}
        <Divider titlePlacement="start" plain>
          {t('detail.historyTitle')}
        </Divider>
        <HistoryTimeline plural="products" id={p.id} fieldLabel={labels.historyFieldLabel} valueLabel={labels.historyValueLabel} />
      </>
    );
  };

  const content = () => {
    if (isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
    if (product) return body(product);
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '404' : t('common:loadFailed')}
        subTitle={missing ? t('common:notFound') : error?.message}
        extra={!missing && <Button onClick={() => void refetch()}>{t('common:actions.reload')}</Button>}
      />
    );
  };

  return (
    <>
      <Drawer
        open={!!productId}
        onClose={onClose}
        size={screens.md ? 600 : '100%'}
        title={
          product ? (
            <Space size={8}>
              <span data-testid="product-detail-name">{product.name}</span>
              {!product.active && <StatusTag active={false} />}
            </Space>
          ) : (
            t('detail.title')
          )
        }
        extra={
          product && (
            <Space>
              {can('products', 'edit') && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="product-edit">
                  {t('common:actions.edit')}
                </Button>
              )}
              {can('products', 'delete') && (
                <Popconfirm
                  title={t('detail.confirmDelete', { name: product.name })}
                  okText={t('common:actions.delete')}
                  cancelText={t('common:actions.cancel')}
                  okButtonProps={{ danger: true, loading: del.isPending }}
                  onConfirm={() => remove(product)}
                >
                  <Button danger icon={<DeleteOutlined />} data-testid="product-delete">
                    {t('common:actions.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      >
        {(productId || last) && content()}
      </Drawer>
      {product && <ProductFormDrawer open={editing} product={product} onClose={() => setEditing(false)} />}
    </>
  );
}
