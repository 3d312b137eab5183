import type { Locale } from '@contracts/common.js';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { webDomains } from '../domains/index.js';
import { AppLayout } from './app-layout.js';
import { AuthProvider, useAuth } from './auth.js';
import { DashboardCardsProvider } from './dashboard-cards.js';
import { rememberLocale } from './locale.js';
import { LoginPage } from './login-page.js';
import { RecordTabsProvider } from './record-tabs.js';

const recordTabs = webDomains.flatMap((d) => d.recordTabs ?? []);
const dashboardCards = webDomains.flatMap((d) => d.dashboardCards ?? []);

const ANTD_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };

function Routed() {
  const { me, loading } = useAuth();
  const { i18n, t } = useTranslation();
  // The language a user chose is remembered on their profile and follows them to any browser.
  useEffect(() => {
    if (me && me.locale !== i18n.language) {
      rememberLocale(me.locale);
      void i18n.changeLanguage(me.locale);
    }
  }, [me, i18n]);
  if (loading) return <Spin fullscreen />;
  if (!me) return <LoginPage />;
  return (
    <Routes>
      <Route element={<AppLayout />}>
        {webDomains.flatMap((d) => d.routes.map((r) => <Route key={`${d.key}:${r.path}`} path={r.path} element={r.element} />))}
        <Route path="*" element={<Result status="404" title="404" subTitle={t('notFound')} />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={ANTD_LOCALES[(i18n.language as Locale) ?? 'zh-CN'] ?? zhCN}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
    >
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <RecordTabsProvider value={recordTabs}>
              <DashboardCardsProvider value={dashboardCards}>
                <Routed />
              </DashboardCardsProvider>
            </RecordTabsProvider>
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
