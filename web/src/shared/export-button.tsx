import { DownloadOutlined } from '@ant-design/icons';
import type { Action, Module } from '@contracts/permissions.js';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth.js';

/**
 * "导出" on a list page: the server exports exactly the list as filtered here (same query
 * parameters, same scope), as CSV or Excel. Hidden without the module's export permission.
 * A report passes its own `path` (it answers `?format=` itself) and the permission that reads it.
 */
export function ExportButton({
  entity,
  module,
  params,
  path = `/exports/${entity}`,
  action = 'export',
}: {
  entity: string;
  module: Module;
  params: Record<string, string | undefined>;
  path?: string;
  action?: Action;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  if (!can(module, action)) return null;
  const download = (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && k !== 'page' && k !== 'pageSize') query.set(k, v);
    query.set('format', format);
    window.location.assign(`/api/v1${path}?${query}`);
  };
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'xlsx', label: t('export.xlsx'), onClick: () => download('xlsx') },
          { key: 'csv', label: t('export.csv'), onClick: () => download('csv') },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid={`${entity}-export`}>
        {t('export.button')}
      </Button>
    </Dropdown>
  );
}
