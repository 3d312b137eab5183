import type { Locale } from '@contracts/common.js';
import type { Action, Module } from '@contracts/permissions.js';
import type { ReactNode } from 'react';
import type { DashboardCard } from './dashboard-cards.js';
import type { Messages } from './message-catalogue.js';
import type { RecordTab } from './record-tabs.js';

/** What a web domain contributes to the shell: its translations, its pages and its menu entries. */
export interface WebDomain {
  /** i18next namespace, e.g. 'customers'. */
  key: string;
  messages: Record<Locale, Messages>;
  routes: { path: string; element: ReactNode }[];
  menu?: MenuEntry[];
  /** Widgets in the top bar (search box, notification bell), left to right by order. */
  headerItems?: HeaderItem[];
  /** Tabs this domain adds to another domain's detail page (see record-tabs.tsx). */
  recordTabs?: RecordTab[];
  /** Cards this domain adds to the home dashboard (see dashboard-cards.tsx). */
  dashboardCards?: DashboardCard[];
}

export interface HeaderItem {
  key: string;
  order: number;
  element: ReactNode;
  /** Hidden at phone width, where the bar has no room for it. */
  desktopOnly?: boolean;
}

export interface MenuEntry {
  path: string;
  /** i18n key in the domain's namespace, e.g. 'customers:menu.list'. */
  label: string;
  icon?: ReactNode;
  /** Shown after the label, e.g. a count; an element, so it can keep its own query fresh. */
  badge?: ReactNode;
  /** Menu group: 'work' (daily work), 'analytics' (销售分析) or 'admin' (系统设置). */
  group: 'work' | 'analytics' | 'admin';
  order: number;
  permission?: [Module, Action];
}
