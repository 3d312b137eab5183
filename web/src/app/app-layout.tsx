import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { webDomains } from '../domains/index.js';
import { http } from './api-client.js';
import { useAuth } from './auth.js';
import type { MenuEntry } from './domain.js';
import { LanguageSwitch } from './language-switch.js';

const { Sider, Header, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const mobile = !screens.lg;
  // P6: a role requires two-step sign-in the user has not turned on; the server answers every other
  // page with 403 TOTP_SETUP_REQUIRED, so offer no menu and take him to where he turns it on.
  const owesTotp = !!me?.totpRequiredByRole && !me.totpEnabled;
  useEffect(() => {
    if (owesTotp && location.pathname !== '/profile') navigate('/profile', { replace: true });
  }, [owesTotp, location.pathname, navigate]);

  const entries = webDomains
    .flatMap((d) => d.menu ?? [])
    .filter((m) => !owesTotp && (!m.permission || can(...m.permission)))
    .sort((a, b) => a.order - b.order);
  const headerItems = webDomains.flatMap((d) => d.headerItems ?? []).sort((a, b) => a.order - b.order);
  const group = (g: MenuEntry['group']): ItemType[] =>
    entries
      .filter((m) => m.group === g)
      .map((m) => ({
        key: m.path,
        icon: m.icon,
        label: m.badge ? (
          <span>
            {t(m.label)}
            {m.badge}
          </span>
        ) : (
          t(m.label)
        ),
      }));
  const items: ItemType[] = [
    { type: 'group', key: 'work', label: t('groups.work'), children: group('work') },
    ...(group('analytics').length
      ? [{ type: 'group' as const, key: 'analytics', label: t('groups.analytics'), children: group('analytics') }]
      : []),
    ...(group('admin').length ? [{ type: 'group' as const, key: 'admin', label: t('groups.admin'), children: group('admin') }] : []),
  ];
  const selected = entries
    .map((m) => m.path)
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];

  const logout = async () => {
    await http.post('/auth/logout');
    // Keep the ['me'] query itself: clearing the cache first would leave AuthProvider observing a removed query,
    // so the signed-out state never reached it and the layout stayed on screen.
    qc.setQueryData(['me'], null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    navigate('/');
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        breakpoint="lg"
        collapsedWidth={mobile ? 0 : 64}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={208}
        theme="light"
        style={mobile ? { position: 'fixed', zIndex: 20, height: '100vh', left: 0, top: 0 } : undefined}
      >
        <div className="brand">{collapsed ? 'CRM' : t('appName')}</div>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={(e) => {
            navigate(e.key);
            if (mobile) setCollapsed(true);
          }}
        />
      </Sider>
      <Layout>
        <Header className="app-header">
          <Space size="middle">
            {headerItems
              .filter((h) => !(mobile && h.desktopOnly))
              .map((h) => (
                <Fragment key={h.key}>{h.element}</Fragment>
              ))}
            <LanguageSwitch />
            <Dropdown
              menu={{
                items: [
                  { key: 'profile', icon: <UserOutlined />, label: t('profile'), onClick: () => navigate('/profile') },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('actions.logout'), onClick: logout },
                ],
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
                <Avatar size="small" style={{ background: '#1677ff' }}>
                  {me?.displayName.slice(0, 1)}
                </Avatar>
                {!mobile && <Typography.Text>{me?.displayName}</Typography.Text>}
              </Space>
            </Dropdown>
          </Space>
        </Header>
        <Content className="app-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
