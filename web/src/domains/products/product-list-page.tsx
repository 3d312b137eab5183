import { ApartmentOutlined } from '@ant-design/icons';
import { Button, Col, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { formatMoney } from '../../shared/format.js';
import { ChoiceFilter, ListFilters } from '../../shared/list-kit/list-filters.js';
import { DateCell, type ListColumn, ListCard, ListHeader, ListTable, useColumnChooser, useListPage } from '../../shared/list-kit/index.js';
import { type Product, useProducts } from './api.js';
import { CategoryManager } from './category-manager.js';
import { CategorySelect } from './category-select.js';
import { ProductDrawer } from './product-drawer.js';
import { ProductFormDrawer } from './product-form.js';
import { KindTag, StatusTag } from './product-tags.js';

const FILTERS = ['q', 'categoryId', 'active', 'kind'];
const DEFAULT_COLUMNS = ['specification', 'unit', 'category', 'listPrice', 'costPrice', 'grossMarginRate', 'taxRate', 'active'];
const SERVER_SORT = 'code';

/** Q1: the catalogue — everyone who sells reads it; purchasing keeps it; costs only for those who may see them. */
export function ProductListPage() {
  const { t } = useTranslation('products');
  const { can } = useAuth();
  const seesCosts = can('product_costs', 'view');
  const list = useListPage({ name: 'product', filters: FILTERS, imports: 'products', exports: 'products' });
  const { update } = list;
  const [creating, setCreating] = useState(false);
  const [managing, setManaging] = useState(false);

  const viewing = list.text('product');
  const query = useProducts({
    ...list.paging,
    q: list.text('q'),
    categoryId: list.text('categoryId'),
    active: list.text('active'),
    kind: list.text('kind'),
  });
  const view = (id: string | undefined) => update({ product: id, page: list.page === 1 ? undefined : list.page });
  const create = { label: t('list.new'), onClick: () => setCreating(true), allowed: can('products', 'create') };

  const dash = (v: string | null | undefined) => v || '—';
  const columns: ListColumn<Product>[] = [
    {
      key: 'code',
      title: t('fields.code'),
      fixed: 'left',
      width: 120,
      sortable: true,
      render: (_, p) => <Typography.Text type="secondary">{p.code}</Typography.Text>,
    },
    {
      key: 'name',
      title: t('fields.name'),
      width: 220,
      sortable: true,
      render: (_, p) => (
        <Space size={6} wrap={false}>
          <Typography.Link style={{ fontWeight: 500 }}>{p.name}</Typography.Link>
          {p.kind === 'bundle' && <KindTag kind="bundle" />}
        </Space>
      ),
    },
    { key: 'specification', title: t('fields.specification'), width: 130, render: (_, p) => dash(p.specification) },
    { key: 'unit', title: t('fields.unit'), width: 64, render: (_, p) => p.unit },
    { key: 'category', title: t('fields.category'), width: 120, render: (_, p) => dash(p.categoryName) },
    {
      key: 'listPrice',
      title: t('fields.listPrice'),
      width: 120,
      align: 'right',
      sortable: true,
      render: (_, p) => formatMoney(p.listPrice),
    },
    // Q1 field permission: without product_costs:view the answer has no costs, and the list no columns for them.
    ...(seesCosts
      ? ([
          { key: 'costPrice', title: t('fields.costPrice'), width: 120, align: 'right', render: (_, p) => formatMoney(p.costPrice) },
          {
            key: 'grossMarginRate',
            title: t('fields.grossMarginRate'),
            width: 90,
            align: 'right',
            render: (_, p) => (p.grossMarginRate ? `${p.grossMarginRate}%` : '—'),
          },
        ] satisfies ListColumn<Product>[])
      : []),
    {
      key: 'taxRate',
      title: t('fields.taxRate'),
      width: 76,
      align: 'right',
      render: (_, p) => (p.kind === 'bundle' ? t('bundle.taxByLine') : `${p.taxRate.replace(/\.00$/, '')}%`),
    },
    { key: 'active', title: t('fields.active'), width: 80, render: (_, p) => <StatusTag active={p.active} /> },
    { key: 'createdBy', title: t('fields.createdBy'), width: 90, render: (_, p) => dash(p.ownerName) },
    { key: 'updatedAt', title: t('fields.updatedAt'), width: 116, sortable: true, render: (_, p) => <DateCell at={p.updatedAt} /> },
  ];
  const chosen = useColumnChooser(list, columns, { locked: ['code', 'name'], defaults: DEFAULT_COLUMNS });

  const categories =
    can('products', 'edit') || can('products', 'create') ? (
      <Button icon={<ApartmentOutlined />} onClick={() => setManaging(true)} data-testid="product-categories">
        {t('list.categories')}
      </Button>
    ) : undefined;
  const count = query.data && t('list.count', { total: query.data.total, count: query.data.total });
  return (
    <>
      <ListHeader list={list} title={t('list.title')} count={count} extra={categories} chooser={chosen.chooser} create={create} />
      <ListCard>
        <ListFilters
          list={list}
          searchPlaceholder={t('list.search')}
          searchCol={{ xs: 24, md: 12, xl: 8 }}
          clearCol={{ xs: 24, sm: 12, md: 6, xl: 4 }}
          filterCol={{ xs: 12, md: 6, xl: 4 }}
        >
          <Col xs={24} md={12} xl={6}>
            <CategorySelect
              placeholder={t('list.allCategories')}
              value={list.text('categoryId')}
              onChange={(v) => update({ categoryId: v })}
              style={{ width: '100%' }}
              data-testid="product-category-filter"
            />
          </Col>
          <ChoiceFilter
            list={list}
            name="active"
            placeholder={t('fields.active')}
            options={[
              { value: 'true', label: t('status.active') },
              { value: 'false', label: t('status.inactive') },
            ]}
          />
          <ChoiceFilter
            list={list}
            name="kind"
            placeholder={t('fields.kind')}
            options={[
              { value: 'product', label: t('kind.product') },
              { value: 'bundle', label: t('kind.bundle') },
            ]}
          />
        </ListFilters>
        <ListTable<Product>
          list={list}
          query={query}
          columns={columns}
          visibleColumns={chosen.visible}
          defaultSort={SERVER_SORT}
          card={{ title: 'name', leading: 'code', subtitle: ['listPrice', 'category', 'active'], body: 'specification' }}
          empty={{ text: t('list.empty'), filteredText: t('list.emptyFiltered'), create }}
          errorTitle={t('list.loadFailed')}
          onRowClick={(p) => view(p.id)}
        />
      </ListCard>

      <ProductDrawer productId={viewing} onClose={() => view(undefined)} />
      <ProductFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(p) => view(p.id)} />
      <CategoryManager open={managing} onClose={() => setManaging(false)} />
    </>
  );
}
