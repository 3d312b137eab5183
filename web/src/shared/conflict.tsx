import { App } from 'antd';
import { useTranslation } from 'react-i18next';

/** P4: when a save meets a newer version, explain and offer to reload instead of overwriting. */
export function useConflictDialog() {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return (reload: () => void) =>
    modal.confirm({
      title: t('conflict.title'),
      content: t('conflict.body'),
      okText: t('conflict.reload'),
      cancelText: t('actions.cancel'),
      onOk: reload,
    });
}
