import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../shared/dates.js';
import { ChoiceFilter, ListFilters } from '../../shared/list-kit/list-filters.js';
import { type ListColumn, ListCard, ListHeader, ListTable, useListPage } from '../../shared/list-kit/index.js';
import { type Note, useDeleteNote, useNote, useNotes, useNoteTags } from './api.js';
import { Markdown } from './markdown.js';
import { NoteEditor } from './note-editor.js';

/** C11 knowledge base: what the team learned, searchable, tagged, linked to customers. */
export function NotesPage() {
  const { t, i18n } = useTranslation('notes');
  const { message } = App.useApp();
  const { can } = useAuth();
  const list = useListPage({ name: 'note', filters: ['q', 'tag'] });
  const { update } = list;
  const openId = list.text('id');
  const query = useNotes({ ...list.paging, q: list.text('q'), tag: list.text('tag') });
  const tags = useNoteTags();
  const opened = useNote(openId);
  const del = useDeleteNote();
  const [editing, setEditing] = useState<{ note?: Note } | null>(null);
  const create = { label: t('new'), onClick: () => setEditing({}), allowed: can('notes', 'create') };

  const remove = async (n: Note) => {
    try {
      await del.mutateAsync(n.id);
      message.success(t('common:deleted'));
      update({ id: undefined });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ListColumn<Note>[] = [
    {
      key: 'title',
      title: t('fields.title'),
      dataIndex: 'title',
      sortable: true,
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
      sortable: true,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
  ];

  const n = opened.data;
  const tagOptions = (tags.data?.items ?? []).map((x) => ({ value: x.tag, label: `${x.tag}（${x.count}）` }));
  return (
    <>
      <ListHeader list={list} title={t('title')} count={query.data && t('count', { total: query.data.total })} create={create} />
      <ListCard>
        <ListFilters list={list} searchPlaceholder={t('search')}>
          <ChoiceFilter list={list} name="tag" searchable placeholder={t('tagAll')} options={tagOptions} />
        </ListFilters>
        <ListTable<Note>
          list={list}
          query={query}
          columns={columns}
          defaultSort="-updatedAt"
          card={{ title: 'title', subtitle: ['tags', 'links', 'owner', 'updatedAt'] }}
          empty={{ text: t('empty'), create }}
          errorTitle={t('loadFailed')}
          onRowClick={(r) => update({ id: r.id })}
        />
      </ListCard>
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
