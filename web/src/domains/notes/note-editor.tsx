import { App, Button, Drawer, Form, Input, Select, Space, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerSelect } from '../../shared/form-kit/index.js';
import { MentionInput } from '../../shared/mention-input.js';
import { type Note, type NoteInput, useNoteTags, useSaveNote } from './api.js';
import { Markdown } from './markdown.js';

interface Values {
  title: string;
  body: string;
  tags: string[];
  customerId?: string;
}

/** Write or edit a note: Markdown with a preview, tags, and the customer it belongs to. */
export function NoteEditor({ open, note, customerId, onClose }: { open: boolean; note?: Note; customerId?: string; onClose: () => void }) {
  const { t } = useTranslation('notes');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveNote();
  const tags = useNoteTags();
  const [tab, setTab] = useState('write');
  const body = Form.useWatch('body', form) ?? '';
  useEffect(() => {
    if (!open) return;
    setTab('write');
    form.setFieldsValue({
      title: note?.title ?? '',
      body: note?.body ?? '',
      tags: note?.tags ?? [],
      customerId: note?.links.find((l) => l.entity === 'customer')?.recordId ?? customerId,
    });
  }, [open, note, customerId, form]);

  const submit = async (v: Values) => {
    // Links to contacts and leads (made elsewhere) stay; the customer link is what this form edits.
    const others = (note?.links ?? []).filter((l) => l.entity !== 'customer').map(({ entity, recordId }) => ({ entity, recordId }));
    const input: NoteInput = {
      title: v.title,
      body: v.body ?? '',
      tags: v.tags ?? [],
      links: [...others, ...(v.customerId ? [{ entity: 'customer' as const, recordId: v.customerId }] : [])],
    };
    try {
      await save.mutateAsync({ id: note?.id, version: note?.version, body: input });
      message.success(t('saved'));
      onClose();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={720}
      title={note ? t('edit') : t('new')}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="note-save">
            {t('common:actions.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="note-form">
        <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          size="small"
          items={[
            {
              key: 'write',
              label: t('write'),
              children: (
                <Form.Item name="body" extra={t('bodyHint')} rules={[{ max: 20000 }]}>
                  <MentionInput rows={14} maxLength={20000} />
                </Form.Item>
              ),
            },
            { key: 'preview', label: t('preview'), children: <Markdown text={body} /> },
          ]}
        />
        <Form.Item name="tags" label={t('fields.tags')} extra={t('tagsHint')}>
          <Select mode="tags" maxCount={20} options={(tags.data?.items ?? []).map((x) => ({ value: x.tag, label: x.tag }))} />
        </Form.Item>
        <Form.Item name="customerId" label={t('fields.links')} extra={t('linksHint')}>
          <CustomerSelect allowClear />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
