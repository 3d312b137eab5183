import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Drawer, Empty, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { FilterBar, LoadError } from '../../shared/filter-bar.js';
import { formatDateTime } from '../../shared/dates.js';
import { PAGE_SIZES, sortOrderOf, sortParamOf, useListParams, useSearchText } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { type Note, useDeleteNote, useNote, useNotes, useNoteTags } from './api.js';
import { Markdown } from './markdown.js';
import { NoteEditor } from './note-editor.js';

const FILTERS = ['q', 'tag'];

/** C11 knowledge base: what the team learned, searchable, tagged, linked to customers. */
export function NotesPage() {
  const { t, i18n } = useTranslation('notes');
  const { message } = App.useApp();
  const { can } = useAuth();
  const lp = useListParams();
  const q = lp.text('q');
  const tag = lp.text('tag');
  const openId = lp.text('id');
  const { data, isFetching, isError, error, refetch } = useNotes({ page: lp.page, pageSize: lp.pageSize, sort: lp.sort, q, tag });
  const tags = useNoteTags();
  const opened = useNote(openId);
  const del = useDeleteNote();
  const [editing, setEditing] = useState<{ note?: Note } | null>(null);
  const { update } = lp;
  const commitSearch = useCallback((value: string | undefined) => update({ q: value }), [update]);
  const search = useSearchText(q, commitSearch);
  const filtered = FILTERS.some((k) => lp.params.has(k));

  const remove = async (n: Note) => {
    try {
      await del.mutateAsync(n.id);
      message.success(t('common:deleted'));
      update({ id: undefined });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ColumnsType<Note> = [
    {
      key: 'title',
      title: t('fields.title'),
      dataIndex: 'title',
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'title'),
      render: (title: string) => <Typography.Link>{title}</Typography.Link>,
    },
    {
      key: 'tags',
      title: t('fields.tags'),
      dataIndex: 'tags',
      render: (v: string[]) => v.map((x) => <Tag key={x}>{x}</Tag>),
    },
    {
      key: 'links',
      title: t('fields.links'),
      dataIndex: 'links',
      render: (links: Note['links']) =>
        links.filter((l) => l.entity === 'customer').map((l) => <Tag key={l.recordId}>{l.title ?? '—'}</Tag>),
    },
    { key: 'owner', title: t('fields.owner'), dataIndex: 'ownerName' },
    {
      key: 'updatedAt',
      title: t('fields.updatedAt'),
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: sortOrderOf(lp.sort ?? '-updatedAt', 'updatedAt'),
      render: (v: string) => formatDateTime(v, i18n.language),
    },
  ];

  const n = opened.data;
  return (
    <>
      <PageHeader
        title={t('title')}
        sub={data ? t('count', { total: data.total }) : undefined}
        extra={
          can('notes', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="note-new">
              {t('new')}
            </Button>
          )
        }
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <FilterBar
          search={search}
          searchPlaceholder={t('search')}
          searchTestId="note-search"
          activeFilters={tag ? 1 : 0}
          onClear={filtered ? () => lp.clear(FILTERS) : undefined}
        >
          <Col xs={24} sm={12} md={8} xl={4}>
            <Select
              allowClear
              showSearch
              placeholder={t('tagAll')}
              value={tag}
              onChange={(v) => update({ tag: v })}
              options={(tags.data?.items ?? []).map((x) => ({ value: x.tag, label: `${x.tag}（${x.count}）` }))}
              style={{ width: '100%' }}
            />
          </Col>
        </FilterBar>
        {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
        <Table<Note>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({ onClick: () => update({ id: r.id }), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') update({ sort: sortParamOf(sorter) });
            else if (extra.action === 'paginate') update({ page: pagination.current, pageSize: pagination.pageSize });
          }}
          pagination={{
            current: lp.page,
            pageSize: lp.pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common:total', { total }),
          }}
        />
      </Card>
      <Drawer
        open={!!openId}
        onClose={() => update({ id: undefined })}
        width={720}
        loading={opened.isLoading}
        title={n?.title}
        extra={
          n && (
            <Space>
              {can('notes', 'edit') && (
                <Button icon={<EditOutlined />} onClick={() => setEditing({ note: n })}>
                  {t('common:actions.edit')}
                </Button>
              )}
              {can('notes', 'delete') && (
                <Popconfirm
                  title={t('confirmDelete', { name: n.title })}
                  okButtonProps={{ danger: true, loading: del.isPending }}
                  onConfirm={() => remove(n)}
                  placement="bottomRight"
                >
                  <Button danger icon={<DeleteOutlined />} />
                </Popconfirm>
              )}
            </Space>
          )
        }
      >
        {n && (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">
                {n.ownerName} · {formatDateTime(n.updatedAt, i18n.language)}
              </Typography.Text>
              {n.tags.map((x) => (
                <Tag key={x}>{x}</Tag>
              ))}
              {n.links
                .filter((l) => l.entity === 'customer')
                .map((l) => (
                  <Link key={l.recordId} to={`/customers/${l.recordId}`}>
                    {l.title}
                  </Link>
                ))}
            </Space>
            <Markdown text={n.body} />
          </>
        )}
      </Drawer>
      <NoteEditor open={!!editing} note={editing?.note} onClose={() => setEditing(null)} />
    </>
  );
}
