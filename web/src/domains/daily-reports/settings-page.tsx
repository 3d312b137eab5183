import { Alert, App, Button, Card, Form, Skeleton, Switch, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME } from '../../shared/dates.js';
import { PageHeader } from '../../shared/page-header.js';
import { useDailySettings, useSaveDailySettings } from './api.js';

interface Values {
  sendAt: Dayjs;
  emailEnabled: boolean;
}

/** The admin sets when the day's reports go out (company time zone) and whether they also go by e-mail. */
export function DailySettingsPage() {
  const { t } = useTranslation('dailyReports');
  const { message } = App.useApp();
  const { data, isLoading, isError, error } = useDailySettings();
  const save = useSaveDailySettings();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (data) form.setFieldsValue({ sendAt: dayjs(`2000-01-01T${data.sendAt}`), emailEnabled: data.emailEnabled });
  }, [data, form]);

  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({ sendAt: v.sendAt.format(TIME), emailEnabled: v.emailEnabled });
      message.success(t('settings.saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <PageHeader title={t('settings.title')} sub={t('settings.subtitle')} />
      {isError && (
        <Alert type="error" showIcon message={error instanceof Error ? error.message : String(error)} style={{ marginBottom: 16 }} />
      )}
      <Card style={{ maxWidth: 640 }}>
        {isLoading ? (
          <Skeleton active />
        ) : (
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="sendAt" label={t('settings.sendAt')} extra={t('settings.sendAtHint')} rules={[{ required: true }]}>
              <TimePicker format={TIME} minuteStep={5} allowClear={false} needConfirm={false} data-testid="daily-send-at" />
            </Form.Item>
            <Form.Item name="emailEnabled" label={t('settings.emailEnabled')} extra={t('settings.emailHint')} valuePropName="checked">
              <Switch data-testid="daily-email-enabled" />
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
