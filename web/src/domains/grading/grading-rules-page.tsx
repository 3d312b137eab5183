import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/page-header.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type GradingRules, useEvaluateGrades, useGradingRules, useSaveGradingRules } from './api.js';

/** C7: the admin sets how customers are graded and can re-grade them at once. */
export function GradingRulesPage() {
  const { t } = useTranslation('grading');
  const { message } = App.useApp();
  const rules = useGradingRules();
  const save = useSaveGradingRules();
  const evaluate = useEvaluateGrades();
  const grades = usePicklist('customer_grade');
  const [form] = Form.useForm<GradingRules>();
  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);

  const onSave = async (values: GradingRules) => {
    try {
      const thresholds = [...values.thresholds].sort((a, b) => b.minScore - a.minScore);
      await save.mutateAsync({ ...values, contributionFullAmount: String(values.contributionFullAmount), thresholds });
      message.success(t('saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const onRun = async () => {
    try {
      const res = await evaluate.mutateAsync();
      message.success(t('ran', { evaluated: res.evaluated, changed: res.changed }));
      message.info(t('inputsUsed', { inputs: res.inputs.map((i) => t(i)).join('、') }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        sub={t('sub')}
        extra={
          <Popconfirm title={t('runConfirm')} onConfirm={onRun} okButtonProps={{ loading: evaluate.isPending }}>
            <Button icon={<ReloadOutlined />}>{t('run')}</Button>
          </Popconfirm>
        }
      />
      <Card variant="borderless">
        <Alert type="info" showIcon title={t('formula')} style={{ marginBottom: 24, maxWidth: 760 }} />
        {rules.isLoading ? (
          <Skeleton active />
        ) : (
          <Form form={form} layout="vertical" onFinish={onSave} style={{ maxWidth: 760 }}>
            <Form.Item name="enabled" label={t('enabled')} valuePropName="checked" extra={t('enabledHint')}>
              <Switch />
            </Form.Item>
            <Space wrap size="large">
              <Form.Item name="periodMonths" label={t('periodMonths')} rules={[{ required: true }]}>
                <InputNumber min={1} max={60} precision={0} suffix={t('months')} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item
                name="contributionFullAmount"
                label={t('fullAmount')}
                extra={t('fullAmountHint')}
                rules={[{ required: true, pattern: /^\d{1,12}(\.\d{1,2})?$/ }]}
              >
                <Input prefix="¥" style={{ width: 220 }} />
              </Form.Item>
            </Space>
            <Typography.Title level={5}>{t('weights')}</Typography.Title>
            <Space wrap size="large">
              {(['contribution', 'credit', 'potential'] as const).map((k) => (
                <Form.Item key={k} name={['weights', k]} label={t(k)} rules={[{ required: true }]}>
                  <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
                </Form.Item>
              ))}
            </Space>
            <Typography.Title level={5}>{t('thresholds')}</Typography.Title>
            <Form.List name="thresholds">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                      <Form.Item name={[field.name, 'grade']} label={t('grade')} rules={[{ required: true }]}>
                        <Select options={grades.options} style={{ width: 180 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'minScore']} label={t('minScore')} rules={[{ required: true }]}>
                        <InputNumber min={0} max={100} style={{ width: 120 }} />
                      </Form.Item>
                      {fields.length > 1 && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
                    </Space>
                  ))}
                  {fields.length < 10 && (
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ grade: undefined, minScore: 0 })}
                      style={{ marginBottom: 24 }}
                    >
                      {t('addThreshold')}
                    </Button>
                  )}
                </>
              )}
            </Form.List>
            <div>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('common:actions.save')}
              </Button>
            </div>
          </Form>
        )}
      </Card>
    </>
  );
}
