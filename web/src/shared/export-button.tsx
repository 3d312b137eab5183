import { DownloadOutlined } from '@ant-design/icons';
import type { Module } from '@contracts/permissions.js';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth.js';

/**
 * "导出" on a list page: the server exports exactly the list as filtered here (same query
 * parameters, same scope), as CSV or Excel. Hidden without the module's export permission.
 */
export function ExportButton({ entity, module, params }: { entity: string; module: Module; params: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  if (!can(module, 'export')) return null;
  const download = (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && k !== 'page' && k !== 'pageSize') query.set(k, v);
    query.set('format', format);
    window.location.assign(`/api/v1/exports/${entity}?${query}`);
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
