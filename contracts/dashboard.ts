import { z } from 'zod';
import { dateSchema } from './common.js';

// T4 工作台: the figures of every card the caller may see, in one answer (or one XLSX sheet per card).

export const dashboardQuery = z.object({
  format: z.enum(['xlsx']).optional().describe('xlsx: the same figures as a workbook, one sheet per card (in the caller’s language)'),
});

export const DASHBOARD_AUDIENCES = ['rep', 'manager'] as const;

export const dashboardResponse = z.object({
  /** Today in the company time zone: the day the cards were computed for. */
  today: dateSchema,
  /** 'rep' for own-scope users, 'manager' for department or company scope. */
  audience: z.enum(DASHBOARD_AUDIENCES),
  /** The cards the caller may see, in order; each card's figures are exactly its endpoint's answer. */
  cards: z.array(z.object({ key: z.string(), data: z.unknown() })),
});
export type DashboardResponse = z.infer<typeof dashboardResponse>;
