import { UploadOutlined } from '@ant-design/icons';
import type { ImportEntity } from '@contracts/imports.js';
import type { Module } from '@contracts/permissions.js';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../app/auth.js';

/** "导入" beside "导出" on a list page: opens the import page for that list. Hidden without create permission. */
export function ImportButton({ entity, module }: { entity: ImportEntity; module: Module }) {
  const { t } = useTranslation('imports');
  const { can } = useAuth();
  if (!can(module, 'create')) return null;
  return (
    <Link to={`/imports?entity=${entity}`}>
      <Button icon={<UploadOutlined />} data-testid={`${entity}-import`}>
        {t('button')}
      </Button>
    </Link>
  );
}
