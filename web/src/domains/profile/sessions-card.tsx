import { LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';

/** P6: sign out on every device at once (a lost phone, a shared computer); API tokens stay. */
export function SessionsCard() {
  const { t } = useTranslation('profile');
  const { message } = App.useApp();
  const qc = useQueryClient();

  const signOutEverywhere = async () => {
    try {
      await http.post('/auth/logout-all');
      qc.setQueryData(['me'], null);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <Card title={t('sessions.title')}>
      <Typography.Paragraph type="secondary">{t('sessions.hint')}</Typography.Paragraph>
      <Popconfirm title={t('sessions.confirm')} onConfirm={signOutEverywhere} okButtonProps={{ danger: true }}>
        <Button danger icon={<LogoutOutlined />} data-testid="logout-everywhere">
          {t('sessions.button')}
        </Button>
      </Popconfirm>
    </Card>
  );
}
