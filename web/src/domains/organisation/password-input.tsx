import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

// Letters and digits without look-alikes (0/O, 1/l/I), so a password read aloud survives.
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

function pick(chars: string): string {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return chars[buf[0] % chars.length];
}

/** A 12-character password that always meets the policy (letters and digits). */
export function generatePassword(length = 12): string {
  const all = LETTERS + DIGITS;
  const chars = [pick(LETTERS), pick(DIGITS), ...Array.from({ length: length - 2 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    const j = buf[0] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

/** Form rules mirroring the server's password policy (≥ 8 characters, letters and digits). */
export function usePasswordRules() {
  const { t } = useTranslation('organisation');
  return [
    { required: true, message: t('password.policy') },
    { min: 8, message: t('password.tooShort') },
    { max: 128 },
    {
      validator: (_: unknown, v: string | undefined) =>
        !v || (/[A-Za-z]/.test(v) && /\d/.test(v)) ? Promise.resolve() : Promise.reject(new Error(t('password.needLetterDigit'))),
    },
  ];
}

/** Password field with a "generate" button; a generated password is shown in clear text and can be copied. */
export function PasswordWithGenerate({
  value,
  onChange,
  id,
  'data-testid': testId,
}: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation('organisation');
  const [visible, setVisible] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  return (
    <div>
      <Space.Compact style={{ width: '100%' }}>
        <Input.Password
          id={id}
          data-testid={testId}
          value={value}
          autoComplete="new-password"
          visibilityToggle={{ visible, onVisibleChange: setVisible }}
          onChange={(e) => {
            setGenerated(null);
            onChange?.(e.target.value);
          }}
        />
        <Button
          icon={<ThunderboltOutlined />}
          onClick={() => {
            const p = generatePassword();
            setGenerated(p);
            setVisible(true);
            onChange?.(p);
          }}
        >
          {t('password.generate')}
        </Button>
      </Space.Compact>
      {generated && generated === value && (
        <Typography.Text type="success" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
          {t('password.generated')}{' '}
          <Typography.Text code copyable={{ text: generated }}>
            {generated}
          </Typography.Text>
        </Typography.Text>
      )}
    </div>
  );
}
