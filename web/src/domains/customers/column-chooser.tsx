import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChoosableColumn {
  key: string;
  label: string;
  /** Always shown (e.g. the name column); listed but not switchable. */
  locked?: boolean;
}

function readStored(storageKey: string, known: string[]): string[] | undefined {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string' && known.includes(k)) : undefined;
  } catch {
    return undefined;
  }
}

/** Which optional columns a list shows, remembered per browser in localStorage. */
export function useColumnPrefs(storageKey: string, known: string[], defaults: string[]) {
  const [visible, setVisibleState] = useState<string[]>(() => readStored(storageKey, known) ?? defaults);
  const setVisible = (keys: string[]) => {
    setVisibleState(keys);
    try {
      localStorage.setItem(storageKey, JSON.stringify(keys));
    } catch {
      // Private mode or a full quota: the choice then lasts for this visit only.
    }
  };
  const reset = () => {
    setVisibleState(defaults);
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // See above.
    }
  };
  return { visible, setVisible, reset };
}

/** The "显示列" button: a popover of checkboxes, one per column. */
export function ColumnChooser({
  columns,
  visible,
  onChange,
  onReset,
  testId,
}: {
  columns: ChoosableColumn[];
  visible: string[];
  onChange: (keys: string[]) => void;
  onReset: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const content = (
    <div style={{ width: 180 }}>
      <div style={{ maxHeight: 360, overflowY: 'auto' }}>
        {columns.map((c) => (
          <div key={c.key} style={{ padding: '3px 0' }}>
            <Checkbox
              checked={c.locked || visible.includes(c.key)}
              disabled={c.locked}
              onChange={(e) => {
                const next = e.target.checked ? [...visible, c.key] : visible.filter((k) => k !== c.key);
                // Keep the table's column order, not the order of clicks.
                onChange(columns.map((x) => x.key).filter((k) => next.includes(k)));
              }}
            >
              {c.label}
            </Checkbox>
          </div>
        ))}
      </div>
      <Divider style={{ margin: '8px 0' }} />
      <Typography.Link onClick={onReset}>{t('customers:list.columnsReset')}</Typography.Link>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('actions.columns')} content={content}>
      <Button icon={<SettingOutlined />} data-testid={testId}>
        {t('actions.columns')}
      </Button>
    </Popover>
  );
}
