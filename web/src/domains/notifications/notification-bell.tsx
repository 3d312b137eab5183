import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Grid, Popover, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMarkAllNotificationsRead, useNotificationList, useUnreadCount } from './api.js';
import { NotificationItem, useOpenNotification } from './notification-item.js';

const LATEST = { page: 1, limit: 10 };

/** The header bell: the unread count (polled) and, when opened, the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const [open, setOpen] = useState(false);
  const phone = !Grid.useBreakpoint().sm;
  const count = useUnreadCount();
  const latest = useNotificationList(LATEST, { enabled: open });
  const readAll = useMarkAllNotificationsRead();
  const openOne = useOpenNotification(() => setOpen(false));
  const unread = count.data?.unread ?? 0;
  const items = latest.data?.items ?? [];
  const { refetch } = latest;

  // A count that changes while the list is open means new notifications: the list follows it.
  const [shownFor, setShownFor] = useState(unread);
  useEffect(() => {
    if (unread === shownFor) return;
    setShownFor(unread);
    if (open) void refetch();
  }, [open, unread, shownFor, refetch]);

  const header = (
    <div className="nt-bell-header">
      <span>
        <Typography.Text strong>{t('bell.title')}</Typography.Text>
        {unread > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
            {t('bell.unread', { count: unread })}
          </Typography.Text>
        )}
      </span>
      <Button
        type="link"
        size="small"
        style={{ paddingInline: 0 }}
        disabled={unread === 0}
        loading={readAll.isPending}
        onClick={() => readAll.mutate()}
        data-testid="notification-read-all"
      >
        {t('bell.readAll')}
      </Button>
    </div>
  );

  const list =
    latest.isLoading || (open && !latest.data && !latest.isError) ? (
      <div style={{ padding: 16 }}>
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      </div>
    ) : latest.isError && items.length === 0 ? (
      <div style={{ padding: 24, textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('bell.loadFailed')}</Typography.Text>{' '}
        <Button type="link" size="small" onClick={() => void refetch()}>
          {t('common:actions.reload')}
        </Button>
      </div>
    ) : items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} style={{ padding: '24px 0' }} />
    ) : (
      <div className="nt-notice-list" data-testid="notification-list">
        {items.map((n) => (
          <NotificationItem key={n.id} n={n} onOpen={openOne} />
        ))}
      </div>
    );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      // On a phone the bell sits mid-header: centred under it (and shifted to fit), the list stays on screen.
      placement={phone ? 'bottom' : 'bottomRight'}
      arrow={false}
      content={
        <div style={{ width: 360, maxWidth: 'calc(100vw - 24px)' }}>
          {header}
          {list}
          <div className="nt-bell-footer">
            <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notification-centre-link">
              {t('bell.viewAll')}
            </Link>
          </div>
        </div>
      }
      styles={{ container: { padding: 0 } }}
    >
      <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]} data-testid="notification-count">
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('bell.open')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
