import { ACTIONS, type Action, MODULES, type Module } from '@contracts/permissions.js';
import { Checkbox, Grid, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

/** Every permission string the matrix can show, in catalogue order. */
export const MATRIX_PERMISSIONS = MODULES.flatMap((m) => ACTIONS.map((a) => `${m}:${a}`));

/** '*' means everything; expand it so a copied admin role can be edited cell by cell. */
export const expandPermissions = (permissions: readonly string[]): Set<string> =>
  new Set(permissions.includes('*') ? MATRIX_PERMISSIONS : permissions);

/** Rows are modules, columns are actions; a row and a column can be toggled as a whole. */
export function PermissionMatrix({
  value,
  onChange,
  disabled,
}: {
  value: Set<string>;
  onChange: (next: Set<string>) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('organisation');
  const mobile = !Grid.useBreakpoint().md;
  const moduleWidth = mobile ? 96 : 130;
  const has = (m: Module, a: Action) => value.has(`${m}:${a}`);
  const setMany = (keys: string[], on: boolean) => {
    const next = new Set(value);
    for (const k of keys) {
      if (on) next.add(k);
      else next.delete(k);
    }
    onChange(next);
  };
  const rowKeys = (m: Module) => ACTIONS.map((a) => `${m}:${a}`);
  const colKeys = (a: Action) => MODULES.map((m) => `${m}:${a}`);
  const countOf = (keys: string[]) => keys.filter((k) => value.has(k)).length;

  const columns: TableColumnsType<{ module: Module }> = [
    {
      title: t('roles.module'),
      dataIndex: 'module',
      key: 'module',
      fixed: 'left',
      width: moduleWidth,
      render: (m: Module) => t(`modules.${m}`, { defaultValue: m }),
    },
    {
      title: t('roles.all'),
      key: 'all',
      width: 70,
      align: 'center',
      render: (_, { module: m }) => {
        const n = countOf(rowKeys(m));
        return (
          <Checkbox
            aria-label={`${t(`modules.${m}`)} ${t('roles.all')}`}
            checked={n === ACTIONS.length}
            indeterminate={n > 0 && n < ACTIONS.length}
            disabled={disabled}
            onChange={(e) => setMany(rowKeys(m), e.target.checked)}
          />
        );
      },
    },
    ...ACTIONS.map((a) => {
      const n = countOf(colKeys(a));
      return {
        key: a,
        width: 76,
        align: 'center' as const,
        title: (
          <Checkbox
            checked={n === MODULES.length}
            indeterminate={n > 0 && n < MODULES.length}
            disabled={disabled}
            onChange={(e) => setMany(colKeys(a), e.target.checked)}
            style={{ whiteSpace: 'nowrap' }}
          >
            {t(`actions.${a}`)}
          </Checkbox>
        ),
        render: (_: unknown, { module: m }: { module: Module }) => (
          <Checkbox
            aria-label={`${t(`modules.${m}`)} ${t(`actions.${a}`)}`}
            data-testid={`perm-${m}-${a}`}
            checked={has(m, a)}
            disabled={disabled}
            onChange={(e) => setMany([`${m}:${a}`], e.target.checked)}
          />
        ),
      };
    }),
  ];

  return (
    <Table<{ module: Module }>
      rowKey="module"
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={MODULES.map((module) => ({ module }))}
      scroll={{ x: moduleWidth + 70 + 76 * ACTIONS.length }}
      data-testid="permission-matrix"
    />
  );
}
