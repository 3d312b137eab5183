import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Popover, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useColumnPrefs } from './column-prefs.js';
import type { ListColumn } from './list-columns.js';
import type { ListPageState } from './use-list-page.js';

interface ChoosableColumn {
  key: string;
  label: ReactNode;
  /** Always shown (e.g. the name column); listed but not switchable. */
  locked?: boolean;
}

/** The "显示列" button: a popover of checkboxes, one per column. */
function ColumnChooser({
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
      <Typography.Link onClick={onReset}>{t('list.columnsReset')}</Typography.Link>
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

export interface ColumnChoice {
  /** Columns always shown. */
  locked: string[];
  /** Columns shown until the user chooses. */
  defaults: string[];
}

/**
 * The keys of the columns the user chose to see, and the button to choose them. Each column's title is its
 * label in the chooser; the choice is kept per user and list (the list's name).
 */
export function useColumnChooser<T>(list: ListPageState, columns: ListColumn<T>[], { locked, defaults }: ColumnChoice) {
  const optional = columns.map((c) => c.key).filter((k) => !locked.includes(k));
  const prefs = useColumnPrefs(list.name, optional, defaults);
  const chooser = (
    <ColumnChooser
      columns={columns.map((c) => ({ key: c.key, label: c.title as ReactNode, locked: locked.includes(c.key) }))}
      visible={prefs.visible}
      onChange={prefs.setVisible}
      onReset={prefs.reset}
      testId={`${list.name}-columns`}
    />
  );
  return { visible: [...locked, ...prefs.visible], chooser };
}
