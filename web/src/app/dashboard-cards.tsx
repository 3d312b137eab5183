import type { Action, Module } from '@contracts/permissions.js';
import { type ComponentType, createContext, useContext } from 'react';
import { useAuth } from './auth.js';

/** Who a card is for: a rep (own records), a manager or director (a department or everyone), or both. */
export type DashboardAudience = 'rep' | 'manager' | 'both';

/**
 * A card one domain adds to the home dashboard (工作台), beside the server's card of the same key
 * (platform/reports/dashboard-cards.ts), whose figures it draws. The page names no domain: adding a
 * card is one entry in the domain's `dashboardCards`.
 */
export interface DashboardCard {
  /** The server card's key; the card is absent when the server sends no figures under it. */
  key: string;
  /** Top to bottom, left to right. */
  order: number;
  /** Width at desktop: a third, half or the whole row; a phone stacks every card. */
  size: 'small' | 'medium' | 'large';
  audience: DashboardAudience;
  permission?: [Module, Action];
  /** i18n key in the registering domain's namespace. */
  title: string;
  /** The list or report behind the card ("查看全部"), from its figures when it depends on them. */
  link?: string | ((data: unknown) => string);
  Component: ComponentType<{ data: unknown }>;
}

/** Types a card by its figures (the server's answer for it); the page hands each card its own. */
export function dashboardCard<T>(
  card: Omit<DashboardCard, 'Component' | 'link'> & { Component: ComponentType<{ data: T }>; link?: string | ((data: T) => string) },
): DashboardCard {
  return card as DashboardCard;
}

const DashboardCardsContext = createContext<DashboardCard[]>([]);

/** Set once by the shell with every domain's registered cards. */
export const DashboardCardsProvider = DashboardCardsContext.Provider;

/** The registered cards this user's role and permissions allow, in order. */
export function useDashboardCards(): DashboardCard[] {
  const cards = useContext(DashboardCardsContext);
  const { me, can } = useAuth();
  const audience = me?.scope === 'own' ? 'rep' : 'manager';
  return cards
    .filter((c) => c.audience === 'both' || c.audience === audience)
    .filter((c) => !c.permission || can(...c.permission))
    .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}
