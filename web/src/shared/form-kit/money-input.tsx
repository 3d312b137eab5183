import { InputNumber, type InputNumberProps } from 'antd';
import { groupDigits } from '../format.js';

const MAX = '999999999999.99';

/**
 * An amount as an exact decimal string (the API's money format, numeric(14,2)): shown with
 * thousands separators, never converted to a float.
 */
export function MoneyInput(props: Omit<InputNumberProps<string>, 'stringMode'>) {
  return (
    <InputNumber<string>
      stringMode
      min="0"
      max={MAX}
      precision={2}
      prefix="¥"
      style={{ width: '100%' }}
      formatter={(v) => (v === undefined || v === null || v === '' ? '' : groupDigits(String(v)))}
      parser={(v) => (v ?? '').replace(/[,\s¥]/g, '')}
      {...props}
    />
  );
}
