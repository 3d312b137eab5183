import type { Locale } from '@contracts/common.js';
import type { CreditPosition } from '@contracts/credit.js';
import { fen, formatFen } from '@contracts/quote-money.js';
import type { Db } from '../../platform/db/database.js';
import { exposureSources } from './exposure-sources.js';

export interface LimitRow {
  customer_id: string;
  customer_name: string;
  credit_limit: string | null;
  version: number;
}

/** Exposure per customer, source by source, for a page of customers at once (one query per source). */
export async function exposuresOf(db: Db, customerIds: readonly string[]) {
  const bySource = await Promise.all(exposureSources().map(async (s) => ({ s, amounts: await s.exposure(db, customerIds) })));
  return (customerId: string, locale: Locale) => {
    const parts = bySource.map(({ s, amounts }) => ({ key: s.key, label: s.labels[locale], amount: amounts.get(customerId) ?? '0.00' }));
    const total = parts.reduce((sum, p) => sum + fen(p.amount), 0n);
    return { parts, exposure: total };
  };
}

export function position(row: LimitRow, parts: CreditPosition['parts'], exposure: bigint): CreditPosition {
  return {
    customerId: row.customer_id,
    customerName: row.customer_name,
    creditLimit: row.credit_limit,
    parts,
    exposure: formatFen(exposure),
    available: row.credit_limit === null ? null : formatFen(fen(row.credit_limit) - exposure),
    customerVersion: row.version,
  };
}
