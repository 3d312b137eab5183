import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useAuth } from '../../app/auth.js';
import { OwnerSelect } from '../owner-select.js';

/**
 * The record's owner. Someone who only sees their own records can only own them too (the server
 * enforces it), so for them the field is fixed.
 */
export function OwnerField({
  label,
  required,
  extra,
  disabled,
}: {
  label: ReactNode;
  required?: boolean;
  extra?: ReactNode | ((locked: boolean) => ReactNode);
  disabled?: boolean;
}) {
  const { me } = useAuth();
  const locked = me?.scope === 'own';
  return (
    <Form.Item
      name="ownerId"
      label={label}
      rules={required ? [{ required: true }] : undefined}
      extra={typeof extra === 'function' ? extra(locked) : extra}
    >
      <OwnerSelect allowClear={!required} disabled={disabled || locked} />
    </Form.Item>
  );
}
