import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Radio, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client.js';
import { isVersionConflict } from '../../../shared/api-form.js';
import { useConflictDialog } from '../../../shared/conflict.js';
import { OwnerSelect } from '../../../shared/owner-select.js';
import { type Flow, useFlows, useSaveFlow } from '../api.js';
import { describeFieldKey, type FlowValues, fieldPath, newStep, toDefinition, toFormValues } from './flow-form.js';
import { StepCard } from './step-fields.js';

const MAX_STEPS = 12;

/** Edits one document type's flow; saving adds a version that only later submissions follow. */
export function FlowEditor({ flow, onClose }: { flow: Flow; onClose: () => void }) {
  const { t } = useTranslation('approvals');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const conflict = useConflictDialog();
  const flows = useFlows();
  const save = useSaveFlow();
  const [form] = Form.useForm<FlowValues>();
  const [serverErrors, setServerErrors] = useState<[string, string][]>([]);

  const onFinish = async (values: FlowValues) => {
    setServerErrors([]);
    try {
      const saved = await save.mutateAsync({ documentType: flow.documentType, definition: toDefinition(values) });
      message.success(t('flow.saved', { version: saved.version }));
      onClose();
    } catch (e) {
      if (isVersionConflict(e)) {
        conflict(() => {
          void flows.refetch();
          onClose();
        });
      } else if (e instanceof ApiError && e.fields) {
        const entries = Object.entries(e.fields);
        // The keys are the server's, not typed against the form's paths.
        form.setFields(entries.map(([key, msg]) => ({ name: fieldPath(key) as never, errors: [msg] })));
        // Listed as well: a key on a list as a whole (steps) has no field of its own to show it.
        setServerErrors(entries);
        message.error(t('flow.saveFailed'));
      } else {
        message.error(e instanceof Error ? e.message : String(e));
      }
    }
  };

  const cancel = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: tc('form.discardTitle'),
      content: tc('form.discardBody'),
      okText: tc('form.discardOk'),
      cancelText: tc('form.keepEditing'),
      onOk: onClose,
    });
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={toFormValues(flow.definition, t('flow.stepNameDefault'))}
      onFinish={onFinish}
      scrollToFirstError
      data-testid="flow-editor"
    >
      <Alert type="info" showIcon title={t('flow.newVersionHint')} style={{ marginBottom: 16 }} />
      {serverErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('flow.fieldErrors')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="flow-errors">
              {serverErrors.map(([key, msg]) => (
                <li key={key}>{t('flow.fieldError', { field: describeFieldKey(key, t), message: msg })}</li>
              ))}
            </ul>
          }
        />
      )}
      <Typography.Title level={5}>{t('flow.steps')}</Typography.Title>
      <Form.List name="steps">
        {(steps, { add, remove, move }) => (
          <>
            {steps.map((s) => (
              <StepCard
                key={s.key}
                step={s.name}
                count={steps.length}
                fields={flow.conditionFields}
                onMove={(by) => move(s.name, s.name + by)}
                onRemove={() => remove(s.name)}
              />
            ))}
            {steps.length < MAX_STEPS && (
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add(newStep(''))}
                style={{ marginBottom: 24 }}
                data-testid="flow-add-step"
              >
                {t('flow.addStep')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Form.Item
        name="fallbackUserId"
        label={t('flow.fallback')}
        extra={t('flow.fallbackHint')}
        rules={[{ required: true, message: t('flow.fallbackRequired') }]}
      >
        <OwnerSelect style={{ maxWidth: 320 }} data-testid="flow-fallback" />
      </Form.Item>
      <Form.Item
        name="allowSelfApproval"
        label={t('flow.allowSelfApproval')}
        extra={t('flow.allowSelfApprovalHint')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item name="restartFrom" label={t('flow.restartFrom')}>
        <Radio.Group options={(['first_step', 'rejected_step'] as const).map((r) => ({ value: r, label: t(`flow.restart.${r}`) }))} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="flow-save">
          {tc('actions.save')}
        </Button>
        <Button onClick={cancel}>{tc('actions.cancel')}</Button>
      </Space>
    </Form>
  );
}
