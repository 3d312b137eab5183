/*
 * T4 工作台: the cards of the home dashboard, registered by the domains that own their figures.
 * The platform names no card; GET /api/v1/dashboard (the dashboard-reports domain) runs the cards
 * the caller may see and answers their figures together, or one sheet per card as XLSX.
 *
 *   registerDashboardCard(reportCard(forecastRoute, {
 *     key: 'forecast', order: 30, audience: 'both', permission: ['opportunities', 'view'],
 *     title: label('销售预测', '銷售預測', 'Forecast'),
 *     query: () => ({}),                      // what the report endpoint would be asked; parsed by its own schema
 *   }));
 *
 * A card shows a report's own figures (reportCard runs the defined report with the query its route
 * would parse), or a list the domain already serves (a card with its own run and table).
 */
import type { Locale } from '@contracts/common.js';
import { type Action, hasPermission, type Module } from '@contracts/permissions.js';
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import type { DefinedReport, ReportEnv } from './report-route.js';
import type { Label, ReportTable } from './report-table.js';

/** Who a card is for: a rep (own records), a manager or director (a department or everyone), or both. */
export type DashboardAudience = 'rep' | 'manager' | 'both';

export interface DashboardCardDefinition<R = unknown> {
  /** The key the web's card of the same key reads its figures under. */
  key: string;
  /** Top to bottom, left to right. */
  order: number;
  audience: DashboardAudience;
  /** Without it the card is absent (not empty), as is a card for the other audience. */
  permission?: readonly [Module, Action];
  /** The card's sheet in the download. */
  title: Label;
  run: (env: ReportEnv, actor: Actor) => Promise<R>;
  table: (result: R, context: ReportEnv & { locale: Locale; actor: Actor }) => ReportTable | Promise<ReportTable>;
}

const cards = new Map<string, DashboardCardDefinition>();

export function registerDashboardCard<R>(card: DashboardCardDefinition<R>): void {
  if (cards.has(card.key)) throw new Error(`dashboard card ${card.key} is registered twice`);
  cards.set(card.key, card as DashboardCardDefinition);
}

/** A rep sees his own records; whoever sees a department or everyone is a manager on the dashboard. */
export const dashboardAudience = (actor: Actor): 'rep' | 'manager' => (actor.scope === 'own' ? 'rep' : 'manager');

/** The cards this caller may see, in order. */
export function dashboardCardsFor(actor: Actor): DashboardCardDefinition[] {
  const audience = dashboardAudience(actor);
  return [...cards.values()]
    .filter((c) => c.audience === 'both' || c.audience === audience)
    .filter((c) => !c.permission || hasPermission(actor.permissions, c.permission[0], c.permission[1]))
    .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}

// biome-ignore lint/suspicious/noExplicitAny: any report's query schema; its own type flows through Q
type QuerySchema = z.ZodObject<any>;

/**
 * A card that is a defined report: the query is what the card would send to the report's endpoint,
 * parsed by the endpoint's own schema (defaults included) and the result by its response schema, so
 * the card's figures are the endpoint's figures.
 */
export function reportCard<Q extends QuerySchema, R extends z.ZodType>(
  report: DefinedReport<Q, R>,
  card: Omit<DashboardCardDefinition, 'run' | 'table' | 'permission'> & {
    permission: readonly [Module, Action];
    query: (env: ReportEnv, actor: Actor) => z.input<Q>;
  },
): DashboardCardDefinition<z.infer<R>> {
  const def = report.definition;
  const { query, ...rest } = card;
  const parsed = (env: ReportEnv, actor: Actor): z.infer<Q> => def.query.parse(query(env, actor));
  return {
    ...rest,
    run: async (env, actor) => def.response.parse(await def.run(env, actor, parsed(env, actor))),
    table: (result, context) => def.download.table(result, { ...context, query: parsed(context, context.actor) }),
  };
}
