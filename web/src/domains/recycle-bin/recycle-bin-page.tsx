import type { ListResult } from '@contracts/common.js';
import type { Module } from '@contracts/permissions.js';
import { DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Grid, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../shared/dates.js';
import { PageHeader } from '../../shared/page-header.js';

interface BinItem {
  entity: string;
  entityLabel: string;
  id: string;
  title: string;
  ownerName: string | null;
  deletedAt: string;
  deletedByName: string | null;
  /** What went into the bin with it (a customer's contacts, deals …), in words: '3 位联系人、2 个商机'. */
  withItText: string | null;
}

/** Record types that can sit in the bin, with the module whose 'edit' permission restores them. */
const ENTITY_MODULES: Record<string, Module> = {
  lead: 'leads',
  customer: 'customers',
  contact: 'contacts',
  follow_up: 'follow_ups',
  task: 'tasks',
  visit_plan: 'visit_plans',
  opportunity: 'opportunities',
  note: 'notes',
};
const ENTITY_COLORS: Record<string, string> = {
  lead: 'magenta',
  customer: 'blue',
  contact: 'green',
  follow_up: 'purple',
  task: 'orange',
  visit_plan: 'cyan',
  opportunity: 'gold',
  note: 'geekblue',
};

interface Filters {
  entity?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function RecycleBinPage() {
  const { t, i18n } = useTranslation('recycleBin');
  const { t: tc } = useTranslation();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const mobile = !Grid.useBreakpoint().md;

  const list = useQuery({
    queryKey: ['recycle-bin', filters, i18n.language],
    queryFn: () => http.get<ListResult<BinItem>>('/recycle-bin', { ...filters }),
    placeholderData: keepPreviousData,
  });

  const typeLabel = (item: BinItem) => t(`entities.${item.entity}`, { defaultValue: item.entityLabel });
  const canRestore = (entity: string) => {
    const module = ENTITY_MODULES[entity];
    return !module || can(module, 'edit');
  };

  const restore = (item: BinItem) =>
    modal.confirm({
      title: t('confirmRestoreTitle', { type: typeLabel(item), name: item.title }),
      content: item.withItText ? (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('confirmRestoreBody')}</Typography.Paragraph>
          <Typography.Text strong>{t('restoreWithIt', { list: item.withItText })}</Typography.Text>
        </>
      ) : (
        t('confirmRestoreBody')
      ),
      okText: tc('actions.restore'),
      cancelText: tc('actions.cancel'),
      okButtonProps: { 'data-testid': 'restore-confirm' } as ButtonProps,
      onOk: async () => {
        try {
          await http.post(`/recycle-bin/${item.entity}/${item.id}/restore`);
          message.success(t('restored', { name: item.title }));
        } catch (e) {
          // A live record with the same name blocks the restore; the server explains which one.
          modal.error({ title: t('restoreFailed'), content: e instanceof ApiError ? e.message : String(e) });
        }
        // The restored record reappears in its own list as well.
        await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      },
    });

  const filtered = !!(filters.entity || filters.q);
  const columns: TableColumnsType<BinItem> = [
    {
      title: t('type'),
      dataIndex: 'entity',
      key: 'entity',
      width: 100,
      render: (_: string, item) => <Tag color={ENTITY_COLORS[item.entity] ?? 'default'}>{typeLabel(item)}</Tag>,
    },
    {
      title: t('name'),
      dataIndex: 'title',
      key: 'title',
      render: (v: string, item) => (
        <>
          <Typography.Text strong>{v}</Typography.Text>
          {item.withItText && (
            <div data-testid={`bin-with-it-${item.id}`}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('withIt', { list: item.withItText })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    { title: t('owner'), dataIndex: 'ownerName', key: 'owner', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: t('deletedAt'),
      dataIndex: 'deletedAt',
      key: 'deletedAt',
      width: 170,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    { title: t('deletedBy'), dataIndex: 'deletedByName', key: 'deletedBy', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: t('actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, item) =>
        canRestore(item.entity) ? (
          <Button type="link" size="small" icon={<UndoOutlined />} onClick={() => restore(item)} data-testid={`restore-${item.id}`}>
            {tc('actions.restore')}
          </Button>
        ) : (
          <Tooltip title={t('noPermission')}>
            <Button type="link" size="small" icon={<UndoOutlined />} disabled>
              {tc('actions.restore')}
            </Button>
          </Tooltip>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('title')} sub={t('sub')} />
      <Card size={mobile ? 'small' : undefined}>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('allTypes')}
            value={filters.entity}
            onChange={(v?: string) => setFilters((f) => ({ ...f, entity: v ?? undefined, page: 1 }))}
            // Only the kinds this user may view: the API leaves the others out anyway.
            options={Object.entries(ENTITY_MODULES)
              .filter(([, module]) => can(module, 'view'))
              .map(([e]) => ({ value: e, label: t(`entities.${e}`) }))}
            style={{ width: 140 }}
            data-testid="bin-type"
          />
          <Input.Search
            allowClear
            placeholder={t('searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              if (!e.target.value) setFilters((f) => ({ ...f, q: undefined, page: 1 }));
            }}
            onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined, page: 1 }))}
            style={mobile ? { flex: '1 1 160px' } : { width: 260 }}
            data-testid="bin-search"
          />
        </Flex>
        <Table<BinItem>
          rowKey={(r) => `${r.entity}:${r.id}`}
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 760 }}
          data-testid="bin-table"
          locale={{
            emptyText: (
              <Empty
                image={
                  filtered || list.isError ? Empty.PRESENTED_IMAGE_SIMPLE : <DeleteOutlined style={{ fontSize: 48, color: '#d9d9d9' }} />
                }
                description={list.isError ? tc('loadFailed') : filtered ? t('noMatch') : t('empty')}
              />
            ),
          }}
          onChange={(p) => setFilters((f) => ({ ...f, page: p.current ?? 1, pageSize: p.pageSize ?? f.pageSize }))}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => tc('total', { total }),
          }}
        />
      </Card>
    </>
  );
}
