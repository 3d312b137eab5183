import type { ListResult } from '@contracts/common.js';
import type { User } from '@contracts/organisation.js';
import {
  CheckCircleOutlined,
  DownOutlined,
  EditOutlined,
  EllipsisOutlined,
  KeyOutlined,
  PlusOutlined,
  StopOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Dropdown, Empty, Flex, Grid, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { formatDateTime } from '../../shared/dates.js';
import { PageHeader } from '../../shared/page-header.js';
import { exactMatchFirst, useRoleLabel, useRoleOptions } from './api.js';
import { DepartmentSelect } from './department-select.js';
import { Forbidden } from './forbidden.js';
import { ResetPasswordModal } from './reset-password-modal.js';
import { TransferModal } from './transfer-modal.js';
import { UserFormModal } from './user-form-modal.js';

interface Filters {
  q?: string;
  departmentId?: string;
  role?: string;
  active?: 'true' | 'false';
  sort?: string;
  page: number;
  pageSize: number;
}

type Dialog = { kind: 'form'; user: User | null } | { kind: 'reset'; user: User } | { kind: 'transfer'; user: User };

export function UsersPage() {
  const { t, i18n } = useTranslation('organisation');
  const { t: tc } = useTranslation();
  const { can, me } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const roleLabel = useRoleLabel();
  const roleOptions = useRoleOptions();
  const mobile = !Grid.useBreakpoint().md;

  const list = useQuery({
    queryKey: ['users', 'list', filters],
    // Newest first unless a column is sorted, so a user just created is on the first page.
    queryFn: () => http.get<ListResult<User>>('/users', { ...filters, sort: filters.sort ?? '-createdAt' }),
    placeholderData: keepPreviousData,
    enabled: can('users', 'view'),
  });

  if (!can('users', 'view')) return <Forbidden />;

  const setFilter = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  const setActive = (user: User, active: boolean) =>
    modal.confirm({
      title: t(active ? 'users.confirmActivateTitle' : 'users.confirmDeactivateTitle', { name: user.displayName }),
      content: t(active ? 'users.confirmActivateBody' : 'users.confirmDeactivateBody'),
      okText: t(active ? 'users.activate' : 'users.deactivate'),
      okButtonProps: { danger: !active },
      cancelText: tc('actions.cancel'),
      onOk: async () => {
        try {
          await http.patch(`/users/${user.id}`, { active, version: user.version });
          message.success(t(active ? 'users.activated' : 'users.deactivated'));
        } catch (e) {
          if (isVersionConflict(e)) conflict(() => void qc.invalidateQueries({ queryKey: ['users'] }));
          else message.error(e instanceof ApiError ? e.message : String(e));
        }
        await qc.invalidateQueries({ queryKey: ['users'] });
        await qc.invalidateQueries({ queryKey: ['departments'] });
      },
    });

  const rowMenu = (u: User): MenuProps['items'] => {
    const self = u.id === me?.id;
    return [
      { key: 'reset', icon: <KeyOutlined />, label: t('users.resetPassword'), onClick: () => setDialog({ kind: 'reset', user: u }) },
      { key: 'transfer', icon: <SwapOutlined />, label: t('users.transfer'), onClick: () => setDialog({ kind: 'transfer', user: u }) },
      { type: 'divider' },
      u.active
        ? {
            key: 'deactivate',
            icon: <StopOutlined />,
            danger: true,
            disabled: self,
            label: t('users.deactivate'),
            onClick: () => setActive(u, false),
          }
        : { key: 'activate', icon: <CheckCircleOutlined />, label: t('users.activate'), onClick: () => setActive(u, true) },
    ];
  };

  const sortOrder = (key: string) =>
    filters.sort === key ? ('ascend' as const) : filters.sort === `-${key}` ? ('descend' as const) : null;

  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      key: 'username',
      sorter: true,
      sortOrder: sortOrder('username'),
      width: 150,
      render: (v: string, u) => (
        <Space size={4}>
          <Typography.Text>{v}</Typography.Text>
          {u.id === me?.id && <Tag color="blue">{t('users.me')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      sorter: true,
      sortOrder: sortOrder('displayName'),
      width: 120,
      render: (v: string, u) =>
        can('users', 'edit') ? <Typography.Link onClick={() => setDialog({ kind: 'form', user: u })}>{v}</Typography.Link> : v,
    },
    { title: t('users.department'), dataIndex: 'departmentName', key: 'department', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (roles: string[]) => (
        <Flex wrap gap={4}>
          {roles.map((r) => (
            <Tag key={r} color={r === 'admin' ? 'gold' : 'geekblue'} style={{ marginInlineEnd: 0 }}>
              {roleLabel(r)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('users.status'),
      dataIndex: 'active',
      key: 'active',
      width: 90,
      render: (active: boolean) =>
        active ? <Badge status="success" text={t('users.active')} /> : <Badge status="default" text={t('users.inactive')} />,
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: sortOrder('lastLoginAt'),
      width: 160,
      render: (v: string | null) =>
        v ? formatDateTime(v, i18n.language) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>,
    },
  ];
  if (can('users', 'edit')) {
    columns.push({
      title: t('users.actions'),
      key: 'actions',
      fixed: 'right',
      width: mobile ? 76 : 130,
      render: (_, u) => (
        <Space size={0}>
          <Tooltip title={tc('actions.edit')}>
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              aria-label={tc('actions.edit')}
              data-testid={`user-edit-${u.username}`}
              onClick={() => setDialog({ kind: 'form', user: u })}
            />
          </Tooltip>
          <Dropdown menu={{ items: rowMenu(u) }} trigger={['click']}>
            {mobile ? (
              <Button
                type="link"
                size="small"
                icon={<EllipsisOutlined />}
                aria-label={tc('actions.more')}
                data-testid={`user-more-${u.username}`}
              />
            ) : (
              <Button type="link" size="small" data-testid={`user-more-${u.username}`}>
                {tc('actions.more')} <DownOutlined />
              </Button>
            )}
          </Dropdown>
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        sub={t('users.sub')}
        extra={
          can('users', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="user-new" onClick={() => setDialog({ kind: 'form', user: null })}>
              {t('users.new')}
            </Button>
          )
        }
      />
      <Card size={mobile ? 'small' : undefined}>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              if (!e.target.value) setFilter({ q: undefined });
            }}
            onSearch={(v) => setFilter({ q: v.trim() || undefined })}
            style={{ width: mobile ? '100%' : 240 }}
            data-testid="user-search"
          />
          <DepartmentSelect
            placeholder={t('users.allDepartments')}
            value={filters.departmentId}
            onChange={(v?: string) => setFilter({ departmentId: v ?? undefined })}
            style={mobile ? { flex: '1 1 100%' } : { width: 200 }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label', filterSort: exactMatchFirst }}
            placeholder={t('users.allRoles')}
            value={filters.role}
            onChange={(v?: string) => setFilter({ role: v ?? undefined })}
            options={roleOptions}
            style={mobile ? { flex: '1 1 120px' } : { width: 160 }}
          />
          <Select
            allowClear
            placeholder={t('users.allStatus')}
            value={filters.active}
            onChange={(v?: 'true' | 'false') => setFilter({ active: v ?? undefined })}
            options={[
              { value: 'true', label: t('users.active') },
              { value: 'false', label: t('users.inactive') },
            ]}
            style={mobile ? { flex: '1 1 100px' } : { width: 120 }}
          />
        </Flex>
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 960 }}
          data-testid="user-table"
          locale={{ emptyText: <Empty description={list.isError ? tc('loadFailed') : t('users.empty')} /> }}
          onChange={(pagination, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const sort = s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
            setFilters((f) => ({
              ...f,
              sort,
              page: sort !== f.sort ? 1 : (pagination.current ?? 1),
              pageSize: pagination.pageSize ?? f.pageSize,
            }));
          }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => tc('total', { total }),
          }}
        />
      </Card>
      {dialog?.kind === 'form' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'transfer' && <TransferModal user={dialog.user} onClose={() => setDialog(null)} />}
    </>
  );
}
