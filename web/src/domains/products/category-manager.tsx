import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { PRODUCT_LIMITS } from '@contracts/products.js';
import { App, Button, Empty, Form, Input, InputNumber, Modal, Space, Table, Tooltip } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { FormModal, useRecordForm } from '../../shared/form-kit/index.js';
import { type ProductCategory, useDeleteCategory, useProductCategories, useSaveCategory } from './api.js';
import { CategorySelect } from './category-select.js';
import { buildCategoryTree, type CategoryNode, categorySubtree } from './category-tree.js';

/** Q1: the category tree in a modal over the catalogue — add, rename, move, delete. */
export function CategoryManager({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('products');
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const { data, isLoading } = useProductCategories();
  const del = useDeleteCategory();
  const [editing, setEditing] = useState<{ category?: ProductCategory; parentId?: string | null } | null>(null);
  const items = data?.items ?? [];
  const tree = useMemo(() => buildCategoryTree(data?.items ?? []), [data]);

  const remove = (c: ProductCategory) =>
    modal.confirm({
      title: t('categories.confirmDelete', { name: c.name }),
      okText: t('common:actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common:actions.cancel'),
      onOk: async () => {
        try {
          await del.mutateAsync(c.id);
          message.success(t('categories.deleted'));
        } catch (e) {
          message.error(e instanceof ApiError ? e.message : String(e));
        }
      },
    });

  const action = (title: string, icon: ReactNode, onClick: () => void, testId: string, danger = false) => (
    <Tooltip title={title}>
      <Button type="link" size="small" danger={danger} icon={icon} aria-label={title} onClick={onClick} data-testid={testId} />
    </Tooltip>
  );

  return (
    <Modal open={open} onCancel={onClose} footer={null} width={640} title={t('categories.title')} destroyOnHidden>
      {can('products', 'create') && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setEditing({ parentId: null })}
          style={{ marginBottom: 12 }}
          data-testid="category-new"
        >
          {t('categories.new')}
        </Button>
      )}
      <Table<CategoryNode>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        data-testid="category-table"
        locale={{ emptyText: <Empty description={t('categories.empty')} /> }}
        columns={[
          { key: 'name', title: t('categories.name'), dataIndex: 'name' },
          { key: 'productCount', title: t('categories.productCount'), dataIndex: 'productCount', width: 80, align: 'right' },
          { key: 'sortOrder', title: t('categories.sortOrder'), dataIndex: 'sortOrder', width: 70, align: 'right' },
          {
            key: 'actions',
            title: t('categories.actions'),
            width: 110,
            render: (_, c) => (
              <Space size={0}>
                {can('products', 'create') &&
                  action(t('categories.addChild'), <PlusOutlined />, () => setEditing({ parentId: c.id }), `category-add-${c.name}`)}
                {can('products', 'edit') &&
                  action(
                    t('common:actions.edit'),
                    <EditOutlined />,
                    () => setEditing({ category: items.find((x) => x.id === c.id) }),
                    `category-edit-${c.name}`,
                  )}
                {can('products', 'delete') &&
                  action(t('common:actions.delete'), <DeleteOutlined />, () => remove(c), `category-delete-${c.name}`, true)}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <CategoryForm
          category={editing.category}
          parentId={editing.parentId}
          disabledIds={editing.category ? categorySubtree(items, editing.category.id) : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </Modal>
  );
}

interface FormValues {
  name: string;
  parentId?: string | null;
  sortOrder: number;
}

function CategoryForm({
  category,
  parentId,
  disabledIds,
  onClose,
}: {
  category?: ProductCategory;
  parentId?: string | null;
  disabledIds?: Set<string>;
  onClose: () => void;
}) {
  const { t } = useTranslation('products');
  const save = useSaveCategory();
  const { refetch } = useProductCategories();
  const rf = useRecordForm<FormValues, ProductCategory>({
    record: category,
    toValues: (c) =>
      c
        ? { name: c.name, parentId: c.parentId ?? undefined, sortOrder: c.sortOrder }
        : { name: '', parentId: parentId ?? undefined, sortOrder: 0 },
    save: (v, base) => {
      const body = { name: v.name.trim(), parentId: v.parentId ?? null, sortOrder: v.sortOrder ?? 0 };
      return save.mutateAsync(base ? { id: base.id, body: { ...body, version: base.version } } : { body });
    },
    reload: async (base) => (await refetch()).data?.items.find((c) => c.id === base.id) ?? base,
    onClose,
  });
  return (
    <FormModal
      open
      title={category ? t('categories.editTitle', { name: category.name }) : t('categories.createTitle')}
      width={440}
      saveTestId="category-save"
      {...rf.shellProps}
    >
      <Form<FormValues> {...rf.formProps} style={{ marginTop: 16 }}>
        <Form.Item
          name="name"
          label={t('categories.name')}
          rules={[{ required: true, whitespace: true }, { max: PRODUCT_LIMITS.category }]}
        >
          <Input maxLength={PRODUCT_LIMITS.category} autoFocus data-testid="category-name" />
        </Form.Item>
        <Form.Item name="parentId" label={t('categories.parent')} extra={t('categories.parentNone')}>
          <CategorySelect disabledIds={disabledIds} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('categories.sortOrder')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 120 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
