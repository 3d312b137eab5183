import { DatePicker, type DatePickerProps, Form, type FormItemProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE, DATE_TIME, dateFromPicker, dateToPicker, fromPicker, TIME, toPicker } from '../dates.js';

type ItemProps = Omit<FormItemProps, 'getValueProps' | 'normalize' | 'children'> & {
  picker?: DatePickerProps;
  /** The picker's data-testid. */
  testId?: string;
};

/** A business date field: the form holds 'YYYY-MM-DD', as the API does. */
export function DateField({ picker, testId, ...item }: ItemProps) {
  return (
    <Form.Item
      {...item}
      getValueProps={(v: string | null | undefined) => ({ value: dateToPicker(v) })}
      normalize={(d: Dayjs | null) => dateFromPicker(d)}
    >
      <DatePicker format={DATE} style={{ width: '100%' }} {...picker} data-testid={testId} />
    </Form.Item>
  );
}

/**
 * A moment in time: the form holds the ISO instant the API takes, the picker shows and reads it as
 * the company time zone's wall clock (shared/dates.ts).
 */
export function DateTimeField({ picker, testId, ...item }: ItemProps) {
  return (
    <Form.Item
      {...item}
      getValueProps={(v: string | null | undefined) => ({ value: toPicker(v) })}
      normalize={(d: Dayjs | null) => fromPicker(d)}
    >
      <DatePicker showTime={{ format: TIME }} format={DATE_TIME} style={{ width: '100%' }} {...picker} data-testid={testId} />
    </Form.Item>
  );
}
