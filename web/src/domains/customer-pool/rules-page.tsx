import { PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, InputNumber, Popconfirm, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartmentSelect } from '../organisation/public.js';
import { PageHeader } from '../../shared/page-header.js';
import { type CustomerPoolRules, useCustomerPoolRules, useRunCustomerPoolRules, useSaveCustomerPoolRules } from './api.js';

/** The admin's rules for the customer pool: claiming limits and automatic return. */
export function CustomerPoolRulesPage() {
  const { t } = useTranslation('customerPool');
  const { message } = App.useApp();
  const rules = useCustomerPoolRules();
  const save = useSaveCustomerPoolRules();
  const run = useRunCustomerPoolRules();
  const [form] = Form.useForm<CustomerPoolRules>();
  const autoReturn = Form.useWatch('autoReturn', form);
  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);

  const onSave = async (values: CustomerPoolRules) => {
    try {
      await save.mutateAsync({ ...values, noFollowUpDays: values.noFollowUpDays ?? null, noDealDays: values.noDealDays ?? null });
      message.success(t('rules.saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const onRun = async () => {
    try {
      const res = (await run.mutateAsync(undefined)) as { returned: number; warned: number };
      message.success(t('rules.ran', res));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const days = (min = 0) => <InputNumber min={min} max={3650} addonAfter={t('rules.days')} style={{ width: 180 }} />;

  return (
    <>
      <PageHeader
        title={t('rules.title')}
        sub={t('rules.sub')}
        extra={
          <Popconfirm title={t('rules.runConfirm')} onConfirm={onRun} okButtonProps={{ loading: run.isPending }}>
            <Button icon={<PlayCircleOutlined />}>{t('rules.runNow')}</Button>
          </Popconfirm>
        }
      />
      <Card variant="borderless">
        {rules.isLoading ? (
          <Skeleton active />
        ) : (
          <Form form={form} layout="vertical" onFinish={onSave} style={{ maxWidth: 560 }}>
            <Typography.Title level={5}>{t('rules.claiming')}</Typography.Title>
            <Space wrap size="large">
              <Form.Item name="maxClaimsPerDay" label={t('rules.maxClaimsPerDay')} rules={[{ required: true }]}>
                <InputNumber min={1} max={10000} addonAfter={t('rules.unit')} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="maxHeld" label={t('rules.maxHeld')} rules={[{ required: true }]}>
                <InputNumber min={1} max={1000000} addonAfter={t('rules.unit')} style={{ width: 180 }} />
              </Form.Item>
            </Space>
            <Form.Item name="reclaimCooldownDays" label={t('rules.reclaimCooldownDays')} rules={[{ required: true }]}>
              {days()}
            </Form.Item>
            <Form.Item name="departmentIds" label={t('rules.departments')} extra={t('rules.departmentsHint')}>
              <DepartmentSelect multiple placeholder={t('rules.everyone')} />
            </Form.Item>

            <Typography.Title level={5}>{t('rules.autoReturn')}</Typography.Title>
            <Form.Item name="autoReturn" valuePropName="checked" extra={t('rules.autoReturnOn')}>
              <Switch data-testid="pool-auto-return" />
            </Form.Item>
            <Space wrap size="large">
              <Form.Item name="noFollowUpDays" label={t('rules.noFollowUpDays')}>
                <InputNumber
                  min={1}
                  max={3650}
                  addonAfter={t('rules.days')}
                  placeholder={t('rules.off')}
                  disabled={!autoReturn}
                  style={{ width: 180 }}
                />
              </Form.Item>
              <Form.Item name="noDealDays" label={t('rules.noDealDays')}>
                <InputNumber
                  min={1}
                  max={3650}
                  addonAfter={t('rules.days')}
                  placeholder={t('rules.off')}
                  disabled={!autoReturn}
                  style={{ width: 180 }}
                />
              </Form.Item>
            </Space>
            <Form.Item name="warnDays" label={t('rules.warnDays')} rules={[{ required: true }]}>
              {days()}
            </Form.Item>
            <Form.Item name="keyCustomersExempt" valuePropName="checked">
              <Checkbox disabled={!autoReturn}>{t('rules.keyCustomersExempt')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
