import { LOCALES, type Locale } from '@contracts/common.js';
import { PICKLISTS, type PicklistName, type PicklistValue } from '@contracts/picklists.js';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Result,
  Row,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { applyApiError, isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { PageHeader } from '../../shared/page-header.js';
import { usePicklists } from '../../shared/use-picklist.js';

interface ValueForm {
  code: string;
  labels: Record<Locale, string>;
  sortOrder?: number | null;
}

function ValueModal({ list, value, onClose }: { list: PicklistName; value: PicklistValue | null; onClose: () => void }) {
  const { t } = useTranslation('picklists');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const [form] = Form.useForm<ValueForm>();
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(value?.version);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const labels = Object.fromEntries(LOCALES.map((l) => [l, v.labels[l].trim()])) as Record<Locale, string>;
    setSaving(true);
    try {
      if (value) {
        await http.patch(`/picklists/values/${value.id}`, { labels, sortOrder: v.sortOrder ?? undefined, version });
        message.success(tc('saved'));
      } else {
        await http.post(`/picklists/${list}/values`, { code: v.code.trim(), labels, sortOrder: v.sortOrder ?? undefined });
        message.success(tc('created'));
      }
      await qc.invalidateQueries({ queryKey: ['picklists'] });
      onClose();
    } catch (e) {
      if (isVersionConflict(e) && e.current) {
        const current = e.current as PicklistValue;
        conflict(() => {
          form.setFieldsValue({ labels: current.labels, sortOrder: current.sortOrder });
          setVersion(current.version);
          void qc.invalidateQueries({ queryKey: ['picklists'] });
        });
      } else {
        const msg = applyApiError(form, e);
        if (msg) message.error(msg);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${value ? t('edit') : t('new')} · ${t(`lists.${list}`, { defaultValue: list })}`}
      onCancel={onClose}
      onOk={submit}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<ValueForm>
        form={form}
        layout="vertical"
        data-testid="picklist-form"
        initialValues={
          value ? { code: value.code, labels: value.labels, sortOrder: value.sortOrder } : { labels: { 'zh-CN': '', 'zh-TW': '', en: '' } }
        }
      >
        <Form.Item
          name="code"
          label={t('code')}
          extra={value ? undefined : t('codeHint')}
          rules={[
            { required: true, message: t('codeInvalid') },
            { pattern: /^[a-z0-9_]{1,40}$/, message: t('codeInvalid') },
          ]}
        >
          <Input disabled={!!value} autoComplete="off" maxLength={40} placeholder="e.g. new_energy" />
        </Form.Item>
        <Row gutter={12}>
          {LOCALES.map((l) => (
            <Col xs={24} sm={8} key={l}>
              <Form.Item name={['labels', l]} label={t(`label.${l}`)} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
                <Input maxLength={50} lang={l} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="sortOrder" label={t('sortOrder')} extra={t('sortOrderHint')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PicklistsPage() {
  const { t, i18n } = useTranslation('picklists');
  const { t: tc } = useTranslation();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const { data, isLoading, isError } = usePicklists(true);
  const [list, setList] = useState<PicklistName>('industry');
  const [editing, setEditing] = useState<{ value: PicklistValue | null } | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const mobile = !Grid.useBreakpoint().md;

  if (!can('picklists', 'edit')) return <Result status="403" title="403" subTitle={tc('forbidden')} />;

  const locale = (i18n.language as Locale) ?? 'zh-CN';
  const all = data?.items ?? [];
  const values = all.filter((v) => v.list === list);
  const refresh = () => qc.invalidateQueries({ queryKey: ['picklists'] });

  const setActive = async (v: PicklistValue, active: boolean) => {
    setToggling(v.id);
    try {
      await http.patch(`/picklists/values/${v.id}`, { active, version: v.version });
      message.success(t(active ? 'activated' : 'deactivated', { name: v.labels[locale] }));
    } catch (e) {
      if (isVersionConflict(e)) conflict(() => void refresh());
      else message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      await refresh();
      setToggling(null);
    }
  };

  const remove = (v: PicklistValue) =>
    modal.confirm({
      title: t('confirmDeleteTitle', { name: v.labels[locale] }),
      content: t('confirmDeleteBody'),
      okText: tc('actions.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('actions.cancel'),
      onOk: async () => {
        try {
          await http.delete(`/picklists/values/${v.id}`);
          message.success(t('deleted'));
          await refresh();
        } catch (e) {
          if (e instanceof ApiError && e.code === 'IN_USE' && v.active) {
            modal.confirm({
              title: e.message,
              content: t('inUseBody'),
              okText: t('deactivateInstead'),
              cancelText: tc('actions.cancel'),
              onOk: () => setActive(v, false),
            });
          } else message.error(e instanceof ApiError ? e.message : String(e));
        }
      },
    });

  const muted = (v: PicklistValue, text: string) => (v.active ? text : <Typography.Text type="secondary">{text}</Typography.Text>);

  const columns: TableColumnsType<PicklistValue> = [
    {
      title: t('code'),
      dataIndex: 'code',
      key: 'code',
      width: 160,
      render: (code: string, v) => (
        <Space size={4}>
          <Typography.Text code>{code}</Typography.Text>
          {!v.active && <Tag>{t('inactive')}</Tag>}
        </Space>
      ),
    },
    ...LOCALES.map((l) => ({
      title: t(`label.${l}`),
      key: l,
      render: (_: unknown, v: PicklistValue) => muted(v, v.labels[l]),
    })),
    { title: t('sortOrder'), dataIndex: 'sortOrder', key: 'sortOrder', width: 80, align: 'right' },
    {
      title: t('active'),
      dataIndex: 'active',
      key: 'active',
      width: 80,
      align: 'center',
      render: (active: boolean, v) => (
        <Switch
          size="small"
          checked={active}
          loading={toggling === v.id}
          aria-label={t('active')}
          data-testid={`picklist-active-${v.code}`}
          onChange={(on) => setActive(v, on)}
        />
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, v) => (
        <Space size={0}>
          <Tooltip title={tc('actions.edit')}>
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              aria-label={tc('actions.edit')}
              data-testid={`picklist-edit-${v.code}`}
              onClick={() => setEditing({ value: v })}
            />
          </Tooltip>
          {can('picklists', 'delete') && (
            <Tooltip title={tc('actions.delete')}>
              <Button
                type="link"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={tc('actions.delete')}
                data-testid={`picklist-delete-${v.code}`}
                onClick={() => remove(v)}
              />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('title')} sub={t('sub')} />
      <Card
        size={mobile ? 'small' : undefined}
        activeTabKey={list}
        onTabChange={(k) => setList(k as PicklistName)}
        tabList={PICKLISTS.map((l) => ({ key: l, label: t(`lists.${l}`, { defaultValue: l }) }))}
        tabProps={{ size: 'middle' }}
        tabBarExtraContent={
          can('picklists', 'create') && (
            <Button
              type="primary"
              size="small"
              icon={<PlusOutlined />}
              data-testid="picklist-new"
              onClick={() => setEditing({ value: null })}
            >
              {t('new')}
            </Button>
          )
        }
      >
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }}>
          {t('count', { active: values.filter((v) => v.active).length, total: values.length })}
        </Typography.Text>
        <Table<PicklistValue>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={values}
          loading={isLoading}
          pagination={false}
          scroll={{ x: 820 }}
          data-testid="picklist-table"
          locale={{ emptyText: <Empty description={isError ? tc('loadFailed') : t('empty')} /> }}
        />
      </Card>
      {editing && <ValueModal list={list} value={editing.value} onClose={() => setEditing(null)} />}
    </>
  );
}
