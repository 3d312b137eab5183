import type { Department } from '@contracts/organisation.js';
import { ApartmentOutlined, DeleteOutlined, EditOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Grid, Space, Table, Tooltip, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { PageHeader } from '../../shared/page-header.js';
import { useDepartments } from './api.js';
import { DepartmentFormModal } from './department-form-modal.js';
import { buildDepartmentTree, type DepartmentNode } from './department-tree.js';
import { Forbidden } from './forbidden.js';

type Dialog = { department: Department | null; parentId?: string | null };

export function DepartmentsPage() {
  const { t } = useTranslation('organisation');
  const { t: tc } = useTranslation();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { data, isLoading, isError } = useDepartments();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const items = data?.items ?? [];
  const mobile = !Grid.useBreakpoint().md;
  const tree = useMemo(() => buildDepartmentTree(data?.items ?? []), [data]);
  const parentIds = useMemo(() => new Set((data?.items ?? []).filter((d) => d.parentId).map((d) => d.parentId as string)), [data]);

  if (!can('departments', 'view')) return <Forbidden />;

  const remove = (d: Department) =>
    modal.confirm({
      title: t('departments.confirmDeleteTitle', { name: d.name }),
      content: t('departments.confirmDeleteBody'),
      okText: tc('actions.delete'),
      okButtonProps: { danger: true, 'data-testid': 'dept-delete-confirm' } as ButtonProps,
      cancelText: tc('actions.cancel'),
      onOk: async () => {
        try {
          await http.delete(`/departments/${d.id}`);
          message.success(t('departments.deleted'));
          await qc.invalidateQueries({ queryKey: ['departments'] });
        } catch (e) {
          message.error(e instanceof ApiError ? e.message : String(e));
        }
      },
    });

  const columns: TableColumnsType<DepartmentNode> = [
    {
      title: t('departments.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, d) => (
        <Space size={6}>
          <ApartmentOutlined style={{ color: d.parentId ? '#8c8c8c' : '#1677ff' }} />
          <Typography.Text strong={!d.parentId}>{name}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('departments.manager'),
      dataIndex: 'managerName',
      key: 'manager',
      width: 140,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('departments.userCount'),
      dataIndex: 'userCount',
      key: 'userCount',
      width: 90,
      align: 'right',
      render: (n: number) => (
        <Space size={4}>
          <UserOutlined style={{ color: '#8c8c8c' }} />
          {n}
        </Space>
      ),
    },
    { title: t('departments.sortOrder'), dataIndex: 'sortOrder', key: 'sortOrder', width: 80, align: 'right' },
  ];
  if (can('departments', 'create') || can('departments', 'edit') || can('departments', 'delete')) {
    columns.push({
      title: t('departments.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, d) => (
        <Space size={0}>
          {can('departments', 'create') && (
            <Tooltip title={t('departments.addChild')}>
              <Button
                type="link"
                size="small"
                icon={<PlusOutlined />}
                aria-label={t('departments.addChild')}
                data-testid={`dept-add-child-${d.name}`}
                onClick={() => setDialog({ department: null, parentId: d.id })}
              />
            </Tooltip>
          )}
          {can('departments', 'edit') && (
            <Tooltip title={tc('actions.edit')}>
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                aria-label={tc('actions.edit')}
                data-testid={`dept-edit-${d.name}`}
                onClick={() => setDialog({ department: items.find((x) => x.id === d.id) ?? d })}
              />
            </Tooltip>
          )}
          {can('departments', 'delete') && (
            <Tooltip title={tc('actions.delete')}>
              <Button
                type="link"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={tc('actions.delete')}
                data-testid={`dept-delete-${d.name}`}
                onClick={() => remove(d)}
              />
            </Tooltip>
          )}
        </Space>
      ),
    });
  }

  const expandedKeys = [...parentIds].filter((id) => !collapsed.has(id));

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        sub={t('departments.sub')}
        extra={
          can('departments', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="dept-new" onClick={() => setDialog({ department: null })}>
              {t('departments.new')}
            </Button>
          )
        }
      />
      <Card
        size={mobile ? 'small' : undefined}
        extra={
          parentIds.size > 0 && (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setCollapsed(new Set())}>
                {t('departments.expandAll')}
              </Button>
              <Button type="link" size="small" onClick={() => setCollapsed(new Set(parentIds))}>
                {t('departments.collapseAll')}
              </Button>
            </Space>
          )
        }
        title={tc('total', { total: items.length })}
      >
        <Table<DepartmentNode>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tree}
          loading={isLoading}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="dept-table"
          expandable={{
            expandedRowKeys: expandedKeys,
            onExpand: (expanded, d) =>
              setCollapsed((c) => {
                const next = new Set(c);
                if (expanded) next.delete(d.id);
                else next.add(d.id);
                return next;
              }),
          }}
          locale={{ emptyText: <Empty description={isError ? tc('loadFailed') : t('departments.empty')} /> }}
        />
      </Card>
      {dialog && <DepartmentFormModal department={dialog.department} parentId={dialog.parentId} onClose={() => setDialog(null)} />}
    </>
  );
}
