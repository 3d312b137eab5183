import { EditOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, companyToday, fromPicker, pickerNow, pickerToday } from '../../shared/dates.js';
import { DateField, DateTimeField } from '../../shared/form-kit/index.js';

const SHORTCUTS = [
  { key: 'tomorrow', days: 1 },
  { key: 'in3Days', days: 3 },
  { key: 'nextWeek', days: 7 },
] as const;

/** The next follow-up date, with one-tap shortcuts for the usual "tomorrow / in 3 days / next week". */
export function NextFollowUpField({ form, phone }: { form: FormInstance; phone: boolean }) {
  const { t } = useTranslation('followUps');
  const nextDate = Form.useWatch('nextFollowUpDate', form);
  const today = companyToday();
  return (
    <>
      <DateField
        name="nextFollowUpDate"
        label={t('fields.nextFollowUpDate')}
        style={{ marginBottom: 6 }}
        testId="followup-next-date"
        picker={{
          placeholder: t('form.nextPlaceholder'),
          disabledDate: (d) => d.isBefore(pickerToday(), 'day'),
          inputReadOnly: phone,
        }}
      />
      <Space size={4} wrap style={{ marginBottom: 16 }}>
        {SHORTCUTS.map((s) => {
          const date = addDays(today, s.days);
          return (
            <Tooltip key={s.key} title={date} mouseEnterDelay={0.4}>
              <Tag.CheckableTag
                checked={nextDate === date}
                onChange={(checked) => form.setFieldValue('nextFollowUpDate', checked ? date : null)}
                style={{ border: '1px solid #d9d9d9' }}
                data-testid={`followup-next-${s.key}`}
              >
                {t(`form.${s.key}`)}
              </Tag.CheckableTag>
            </Tooltip>
          );
        })}
      </Space>
    </>
  );
}

/**
 * When it happened: "now" unless the rep back-dates it (then the server takes the picked time). A
 * correction always shows the time it has.
 */
export function OccurredAtField({ form, editing, phone }: { form: FormInstance; editing: boolean; phone: boolean }) {
  const { t } = useTranslation('followUps');
  const [pickTime, setPickTime] = useState(editing);
  if (!pickTime) {
    return (
      <Form.Item label={t('fields.occurredAt')}>
        <Space size={8}>
          <Typography.Text>{t('form.now')}</Typography.Text>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() => {
              form.setFieldValue('occurredAt', fromPicker(pickerNow()));
              setPickTime(true);
            }}
            data-testid="followup-backdate"
          >
            {t('form.backdate')}
          </Button>
        </Space>
      </Form.Item>
    );
  }
  return (
    <DateTimeField
      name="occurredAt"
      label={t('fields.occurredAt')}
      rules={[
        {
          validator: (_, v: string | null | undefined) =>
            v && Date.parse(v) > Date.now() + 5 * 60_000 ? Promise.reject(new Error(t('form.futureTime'))) : Promise.resolve(),
        },
      ]}
      testId="followup-time"
      picker={{
        allowClear: !editing,
        inputReadOnly: phone,
        disabledDate: (d) => d.isAfter(pickerNow(), 'day'),
        onChange: (d) => {
          // Clearing a back-dated time goes back to "now".
          if (!d && !editing) setPickTime(false);
        },
      }}
    />
  );
}
