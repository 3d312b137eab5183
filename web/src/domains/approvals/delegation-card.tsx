import { PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Form, List, Popconfirm, Select, Skeleton, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { companyToday, DATE, dateFromPicker, pickerToday } from '../../shared/dates.js';
import { useUserOptions } from '../../shared/owner-select.js';
import { type Delegation, useCreateDelegation, useDelegations, useRevokeDelegation } from './api.js';

type Phase = 'active' | 'upcoming' | 'ended';
const phaseOf = (d: Delegation, today: string): Phase => (d.endsOn < today ? 'ended' : d.startsOn > today ? 'upcoming' : 'active');
const PHASE_COLOR: Record<Phase, string> = { active: 'green', upcoming: 'blue', ended: 'default' };

/** The caller's delegation in force today, if any (the 审批中心 marks its button with it). */
export function useActiveDelegation(): Delegation | undefined {
  const { data } = useDelegations();
  const today = companyToday();
  return data?.items.find((d) => phaseOf(d, today) === 'active');
}

interface DelegationValues {
  delegateId?: string;
  period?: [Dayjs, Dayjs];
}

/** Q3 delegation while away: a colleague approves for me between two dates; listed and revoked here. */
export function DelegationCard({ bare }: { bare?: boolean }) {
  const { t } = useTranslation('approvals');
  const { me } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<DelegationValues>();
  const delegations = useDelegations();
  const create = useCreateDelegation();
  const revoke = useRevokeDelegation();
  const users = useUserOptions();
  const today = companyToday();
  // Delegating to oneself is refused by the server; not offering it says so earlier.
  const colleagues = (users.data?.items ?? [])
    .filter((u) => u.id !== me?.id)
    .map((u) => ({ value: u.id, label: u.departmentName ? `${u.displayName}（${u.departmentName}）` : u.displayName }));

  const submit = async (v: DelegationValues) => {
    if (!v.delegateId || !v.period) return;
    try {
      await create.mutateAsync({
        delegateId: v.delegateId,
        startsOn: dateFromPicker(v.period[0]) as string,
        endsOn: dateFromPicker(v.period[1]) as string,
      });
      form.resetFields();
      message.success(t('delegation.created'));
    } catch (e) {
      // The server names delegateId, startsOn or endsOn; one range picker stands for both dates.
      if (e instanceof ApiError && e.fields) {
        form.setFields(Object.entries(e.fields).map(([name, msg]) => ({ name: name === 'delegateId' ? name : 'period', errors: [msg] })));
      } else message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const onRevoke = async (d: Delegation) => {
    try {
      await revoke.mutateAsync(d.id);
      message.success(t('delegation.revoked'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const fields = (
    <>
      <Form.Item name="delegateId" label={t('delegation.delegate')} rules={[{ required: true, message: t('delegation.delegateRequired') }]}>
        <Select
          showSearch
          allowClear
          loading={users.isLoading}
          optionFilterProp="label"
          placeholder={t('delegation.delegatePlaceholder')}
          style={{ width: bare ? '100%' : 220 }}
          options={colleagues}
        />
      </Form.Item>
      <Form.Item name="period" label={t('delegation.period')} rules={[{ required: true, message: t('delegation.periodRequired') }]}>
        <DatePicker.RangePicker
          format={DATE}
          disabledDate={(d) => d.isBefore(pickerToday(), 'day')}
          style={{ width: bare ? '100%' : 260 }}
        />
      </Form.Item>
      <Form.Item label={bare ? undefined : ' '}>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
          {t('delegation.add')}
        </Button>
      </Form.Item>
    </>
  );

  const body = (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        {t('delegation.hint')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="delegation-form">
        {/* In a drawer (bare) the fields stack at full width; on the profile page they sit in one row. */}
        {bare ? (
          fields
        ) : (
          <Space wrap align="start" size="middle">
            {fields}
          </Space>
        )}
      </Form>
      {delegations.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : (delegations.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delegation.empty')} />
      ) : (
        <List
          size="small"
          dataSource={delegations.data?.items}
          data-testid="delegation-list"
          renderItem={(d) => {
            const phase = phaseOf(d, today);
            return (
              <List.Item
                actions={[
                  <Popconfirm
                    key="revoke"
                    title={t('delegation.revokeConfirm', { name: d.delegate.name })}
                    onConfirm={() => onRevoke(d)}
                    okButtonProps={{ danger: true, loading: revoke.isPending }}
                  >
                    <Button type="link" danger size="small">
                      {t('delegation.revoke')}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Space wrap>
                  <Typography.Text strong>{d.delegate.name}</Typography.Text>
                  <Typography.Text type="secondary">{t('delegation.range', { from: d.startsOn, to: d.endsOn })}</Typography.Text>
                  <Tag color={PHASE_COLOR[phase]}>{t(`delegation.${phase}`)}</Tag>
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </>
  );
  if (bare) return body;
  return (
    <Card
      variant="borderless"
      title={
        <Space>
          <UserSwitchOutlined />
          {t('delegation.title')}
        </Space>
      }
      extra={<Typography.Text type="secondary">{t('delegation.sub')}</Typography.Text>}
      data-testid="delegation-card"
    >
      {body}
    </Card>
  );
}
