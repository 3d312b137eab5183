import { SettingOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../shared/api-form.js';
import { type TimelinessSettings, useSaveTimelinessSettings } from './api.js';

/** Admin: the days behind "stale" and "late", company-wide. */
export function TimelinessSettingsButton({ settings }: { settings?: TimelinessSettings }) {
  const { t } = useTranslation('dataTimeliness');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TimelinessSettings>();
  const save = useSaveTimelinessSettings();
  const submit = async (v: TimelinessSettings) => {
    try {
      await save.mutateAsync(v);
      message.success(t('settings.saved'));
      setOpen(false);
    } catch (e) {
      const msg = applyApiError(form, e);
      if (msg) message.error(msg);
    }
  };
  const content = (
    <Form form={form} layout="vertical" initialValues={settings} onFinish={submit} requiredMark={false} style={{ width: 260 }}>
      <Form.Item name="staleDays" label={t('settings.staleDays')} rules={[{ required: true }]}>
        <InputNumber min={1} max={365} suffix={t('settings.days')} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="lateDays" label={t('settings.lateDays')} rules={[{ required: true }]}>
        <InputNumber min={1} max={30} suffix={t('settings.days')} style={{ width: 140 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {tc('actions.save')}
      </Button>
    </Form>
  );
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} content={settings && content} destroyOnHidden>
      <Button icon={<SettingOutlined />}>{t('settings.button')}</Button>
    </Popover>
  );
}
