import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown when someone opens an admin page by its address without the permission for it. */
export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('forbidden')} />;
}
