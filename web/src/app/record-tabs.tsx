import type { Action, Module } from '@contracts/permissions.js';
import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth.js';

/** The detail pages other domains may add a tab to. */
export type RecordTabHost = 'customer' | 'contract' | 'opportunity';

/** The record a tab is shown for; what the host page knows of it, beyond the id, is up to the host. */
export interface TabRecord {
  id: string;
  name: string;
  /** The customer a contract or deal belongs to (a contract's 回款 tab links back to it). */
  customerId?: string;
  /** The host record's status, for tabs that only make sense once it is in force. */
  status?: string;
}

/**
 * A tab one domain adds to another domain's detail page (the customer's 费用 and 回款, the
 * contract's 回款计划), so the host page names no domain that extends it.
 */
export interface RecordTab {
  host: RecordTabHost;
  key: string;
  /** i18n key in the registering domain's namespace. */
  label: string;
  /** Left to right; the host's own tabs come first and its history tab last. */
  order: number;
  permission?: [Module, Action];
  render: (record: TabRecord) => ReactNode;
}

const RecordTabsContext = createContext<RecordTab[]>([]);

/** Set once by the shell with every domain's registered tabs. */
export const RecordTabsProvider = RecordTabsContext.Provider;

/** The registered tabs of one host page the user may see, as antd `Tabs` items. */
export function useRecordTabs(host: RecordTabHost, record: TabRecord) {
  const tabs = useContext(RecordTabsContext);
  const { can } = useAuth();
  const { t } = useTranslation();
  return tabs
    .filter((tab) => tab.host === host && (!tab.permission || can(...tab.permission)))
    .sort((a, b) => a.order - b.order)
    .map((tab) => ({ key: tab.key, label: t(tab.label), children: tab.render(record) }));
}
