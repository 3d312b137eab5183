import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { applyApiError } from '../../shared/api-form.js';
import { OwnerSelect, useUserOptions } from '../../shared/owner-select.js';
import { PageHeader } from '../../shared/page-header.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { DepartmentSelect } from '../organisation/public.js';
import { type PoolRules, usePoolRules } from './api.js';

interface Rule {
  id: string;
  name: string;
  position: number;
  active: boolean;
  matchRegions: string[];
  matchIndustries: string[];
  matchSources: string[];
  strategy: 'user' | 'round_robin';
  userIds: string[];
  version: number;
}

/** C3 routing: the ordered assignment rules and the pool's limits, for the admin. */
export function AssignmentRulesPage() {
  const { t } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const industries = usePicklist('industry');
  const sources = usePicklist('customer_source');
  const users = useUserOptions();
  const userName = (id: string) => users.data?.items.find((u) => u.id === id)?.displayName ?? '—';
  const rules = useQuery({ queryKey: ['lead-rules'], queryFn: () => http.get<{ items: Rule[] }>('/lead-assignment-rules') });
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [form] = Form.useForm();
  const pool = usePoolRules();
  const [poolForm] = Form.useForm<PoolRules>();
  useEffect(() => {
    if (pool.data) poolForm.setFieldsValue(pool.data);
  }, [pool.data, poolForm]);

  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));
  const save = useMutation({
    mutationFn: (body: Omit<Rule, 'id' | 'version'>) =>
      editing && editing !== 'new'
        ? http.patch(`/lead-assignment-rules/${editing.id}`, { ...body, version: editing.version })
        : http.post('/lead-assignment-rules', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['lead-rules'] }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => http.delete(`/lead-assignment-rules/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['lead-rules'] }),
  });
  const savePool = useMutation({
    mutationFn: (body: PoolRules) => http.put('/pool/rules', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['pool', 'rules'] }),
  });

  const any = <Typography.Text type="secondary">{t('rules.any')}</Typography.Text>;
  const tags = (values: string[], label: (v: string) => string) => (values.length ? values.map((v) => <Tag key={v}>{label(v)}</Tag>) : any);

  const openForm = (rule: Rule | 'new') => {
    setEditing(rule);
    form.resetFields();
    form.setFieldsValue(
      rule === 'new'
        ? {
            position: (rules.data?.items.length ?? 0) + 1,
            active: true,
            strategy: 'round_robin',
            matchRegions: [],
            matchIndustries: [],
            matchSources: [],
            userIds: [],
          }
        : rule,
    );
  };

  return (
    <>
      <PageHeader
        title={t('rules.title')}
        sub={t('rules.hint')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm('new')}>
            {t('rules.new')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Table<Rule>
          rowKey="id"
          size="middle"
          loading={rules.isLoading}
          dataSource={rules.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'position', title: t('rules.position'), dataIndex: 'position', width: 70 },
            { key: 'name', title: t('rules.name'), dataIndex: 'name' },
            { key: 'regions', title: t('fields.region'), render: (_, r) => tags(r.matchRegions, (v) => v) },
            { key: 'industries', title: t('fields.industry'), render: (_, r) => tags(r.matchIndustries, industries.label) },
            { key: 'sources', title: t('fields.source'), render: (_, r) => tags(r.matchSources, sources.label) },
            {
              key: 'strategy',
              title: t('rules.strategy'),
              render: (_, r) => (
                <span>
                  {r.strategy === 'user' ? t('rules.strategyUser') : t('rules.strategyRoundRobin')}：{r.userIds.map(userName).join('、')}
                </span>
              ),
            },
            {
              key: 'active',
              title: t('rules.active'),
              render: (_, r) => (r.active ? <Tag color="green">{tc('yes')}</Tag> : <Tag>{tc('no')}</Tag>),
            },
            {
              key: 'actions',
              title: '',
              render: (_, r) => (
                <Space>
                  <Button size="small" icon={<EditOutlined />} onClick={() => openForm(r)} />
                  <Popconfirm title={t('rules.deleteConfirm', { name: r.name })} onConfirm={() => remove.mutateAsync(r.id).catch(fail)}>
                    <Button size="small" danger icon={<DeleteOutlined />} />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('rules.poolTitle')}>
        <Form<PoolRules>
          form={poolForm}
          layout="inline"
          onFinish={(v) => savePool.mutateAsync(v).then(() => message.success(t('rules.saved')), fail)}
        >
          <Form.Item name="maxClaimsPerDay" label={t('rules.maxClaimsPerDay')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
          <Form.Item name="maxHeld" label={t('rules.maxHeld')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100000} />
          </Form.Item>
          <Form.Item name="reclaimCooldownDays" label={t('rules.reclaimCooldownDays')} rules={[{ required: true }]}>
            <InputNumber min={0} max={365} />
          </Form.Item>
          <Form.Item name="departmentIds" label={t('rules.poolDepartments')}>
            <DepartmentSelect multiple placeholder={t('rules.poolEveryone')} style={{ minWidth: 260 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={savePool.isPending}>
            {tc('actions.save')}
          </Button>
        </Form>
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('rules.new') : (editing?.name ?? '')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okText={tc('actions.save')}
        cancelText={tc('actions.cancel')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            save.mutateAsync(v).then(
              () => {
                message.success(tc('saved'));
                setEditing(null);
              },
              (e) => {
                const general = applyApiError(form, e);
                if (general) message.error(general);
              },
            )
          }
        >
          <Form.Item name="name" label={t('rules.name')} rules={[{ required: true, max: 100, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Space>
            <Form.Item name="position" label={t('rules.position')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100000} />
            </Form.Item>
            <Form.Item name="active" label={t('rules.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="matchRegions" label={t('rules.regions')}>
            <Select mode="tags" tokenSeparators={[',', '，']} placeholder={t('rules.any')} />
          </Form.Item>
          <Form.Item name="matchIndustries" label={t('rules.industries')}>
            <Select mode="multiple" options={industries.options} placeholder={t('rules.any')} />
          </Form.Item>
          <Form.Item name="matchSources" label={t('rules.sources')}>
            <Select mode="multiple" options={sources.options} placeholder={t('rules.any')} />
          </Form.Item>
          <Form.Item name="strategy" label={t('rules.strategy')}>
            <Radio.Group
              options={[
                { value: 'user', label: t('rules.strategyUser') },
                { value: 'round_robin', label: t('rules.strategyRoundRobin') },
              ]}
            />
          </Form.Item>
          <Form.Item name="userIds" label={t('rules.users')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <OwnerSelect mode="multiple" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
