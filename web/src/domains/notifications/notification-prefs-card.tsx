import { NOTIFICATION_CATEGORIES } from '@contracts/notifications.js';
import { BellOutlined } from '@ant-design/icons';
import { Alert, App, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@contracts/common.js';
import { ApiError } from '../../app/api-client.js';
import { type NotificationKindPref, useNotificationPrefs, useSetEmailPref } from './api.js';
import { CATEGORY_LOOK } from './notification-item.js';

/** In the profile: which kinds of notification also go by e-mail (defaults from each kind's sender). */
export function NotificationPrefsCard() {
  const { t, i18n } = useTranslation('notifications');
  const { message } = App.useApp();
  const prefs = useNotificationPrefs();
  const setPref = useSetEmailPref();
  const locale = (i18n.language in { 'zh-CN': 1, 'zh-TW': 1, en: 1 } ? i18n.language : 'zh-CN') as Locale;
  const address = prefs.data?.emailAddress ?? null;
  const kinds = useMemo(
    () =>
      [...(prefs.data?.kinds ?? [])].sort(
        (a, b) => NOTIFICATION_CATEGORIES.indexOf(a.category) - NOTIFICATION_CATEGORIES.indexOf(b.category),
      ),
    [prefs.data],
  );
  // 消息中心 links here (/profile#notifications): the card is far down the page.
  const ref = useRef<HTMLDivElement>(null);
  const loaded = !!prefs.data;
  useEffect(() => {
    if (loaded && window.location.hash === '#notifications') ref.current?.scrollIntoView({ block: 'start' });
  }, [loaded]);

  const change = (kind: string, email: boolean) =>
    setPref.mutate(
      { kind, email },
      {
        onSuccess: () => message.success(t('prefs.saved')),
        onError: (e) => message.error(e instanceof ApiError ? e.message : String(e)),
      },
    );

  return (
    <Card
      ref={ref}
      title={
        <Space>
          <BellOutlined />
          {t('prefs.title')}
        </Space>
      }
      id="notifications"
      data-testid="notification-prefs"
    >
      <Typography.Paragraph type="secondary">{t('prefs.intro')}</Typography.Paragraph>
      {prefs.data &&
        (address ? (
          <Typography.Paragraph>{t('prefs.sendTo', { email: address })}</Typography.Paragraph>
        ) : (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('prefs.noEmail')}
            description={t('prefs.noEmailHint')}
            data-testid="notification-prefs-no-email"
          />
        ))}
      <Table<NotificationKindPref>
        rowKey="key"
        size="small"
        loading={prefs.isLoading}
        pagination={false}
        dataSource={kinds}
        scroll={{ x: 520 }}
        columns={[
          { title: t('prefs.kind'), dataIndex: 'key', render: (_, k) => k.labels[locale] ?? k.key },
          {
            title: t('prefs.category'),
            dataIndex: 'category',
            width: 96,
            render: (_, k) => <Tag color={CATEGORY_LOOK[k.category]?.color}>{t(`categories.${k.category}`)}</Tag>,
          },
          {
            title: t('prefs.timing'),
            dataIndex: 'urgent',
            responsive: ['md'],
            render: (_, k) => <Typography.Text type="secondary">{k.urgent ? t('prefs.urgent') : t('prefs.digest')}</Typography.Text>,
          },
          {
            title: t('prefs.email'),
            dataIndex: 'email',
            width: 88,
            align: 'center',
            render: (_, k) => (
              <Switch
                size="small"
                checked={k.email}
                loading={setPref.isPending && setPref.variables?.kind === k.key}
                onChange={(on) => change(k.key, on)}
                data-testid={`notification-pref-${k.key}`}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
