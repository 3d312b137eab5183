import { SettingOutlined } from '@ant-design/icons';
import { NOTIFICATION_CATEGORIES } from '@contracts/notifications.js';
import { Button, Empty, Flex, Pagination, Segmented, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../shared/page-header.js';
import {
  type NotificationCategory,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotificationList,
  useUnreadCount,
} from './api.js';
import { NotificationItem, useOpenNotification } from './notification-item.js';

const PAGE_SIZE = 20;

/** 消息中心: every notification of the user, by category, unread first if asked; the filter lives in the URL. */
export function NotificationCentrePage() {
  const { t } = useTranslation('notifications');
  const [params, setParams] = useSearchParams();
  const category = (NOTIFICATION_CATEGORIES as readonly string[]).includes(params.get('category') ?? '')
    ? (params.get('category') as NotificationCategory)
    : undefined;
  const unreadOnly = params.get('unread') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useNotificationList({ category, unread: unreadOnly, page, limit: PAGE_SIZE });
  const unread = useUnreadCount().data?.unread ?? list.data?.unread ?? 0;
  const readAll = useMarkAllNotificationsRead();
  const markRead = useMarkNotificationRead();
  const openOne = useOpenNotification();

  const setFilter = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    if (!('page' in next)) p.delete('page');
    setParams(p, { replace: true });
  };

  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('centre.title')}
        sub={t('centre.sub')}
        extra={
          <Link to="/profile#notifications">
            <SettingOutlined /> {t('centre.settings')}
          </Link>
        }
      />
      <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <Segmented
            value={category ?? 'all'}
            onChange={(v) => setFilter({ category: v === 'all' ? null : String(v) })}
            options={[
              { value: 'all', label: t('categories.all') },
              ...NOTIFICATION_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })),
            ]}
            data-testid="notification-category"
          />
          <Flex gap={8} align="center">
            <Switch
              id="notification-unread-only"
              size="small"
              checked={unreadOnly}
              onChange={(on) => setFilter({ unread: on ? '1' : null })}
              data-testid="notification-unread-only"
            />
            <label htmlFor="notification-unread-only" style={{ cursor: 'pointer' }}>
              {t('centre.unreadOnly')}
            </label>
          </Flex>
        </Flex>
        <Flex gap={12} align="center">
          {list.data && <Typography.Text type="secondary">{t('centre.total', { total: list.data.total })}</Typography.Text>}
          <Button
            disabled={unread === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
            data-testid="notification-centre-read-all"
          >
            {t('centre.readAll')}
          </Button>
        </Flex>
      </Flex>
      {list.isLoading ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 ? (
        <div className="nt-centre-list" style={{ padding: '40px 0' }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={unreadOnly ? t('centre.emptyUnread') : t('centre.empty')} />
        </div>
      ) : (
        <div className="nt-centre-list" data-testid="notification-centre-list">
          {items.map((n) => (
            <div key={n.id} className="nt-notice-row">
              <NotificationItem n={n} onOpen={openOne} />
              {!n.readAt && (
                <div className="nt-notice-row-actions">
                  <Button size="small" type="link" onClick={() => markRead.mutate(n.id)} data-testid="notification-mark-read">
                    {t('item.markRead')}
                  </Button>
                </div>
              )}
            </div>
          ))}
        </div>
      )}
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            showSizeChanger={false}
            onChange={(p) => setFilter({ page: String(p) })}
          />
        </Flex>
      )}
    </>
  );
}
