import type { Locale } from '@contracts/common.js';
import type { Db } from '../../platform/db/database.js';

/**
 * What stands against a customer's credit limit. The domains that create the exposure register it
 * (receivables: effective contracts not yet paid; orders: open orders), so credit names none of them.
 */
export interface ExposureSource {
  key: string;
  labels: Record<Locale, string>;
  /** Exact amounts (decimal strings) per customer; a customer with nothing owed may be absent. */
  exposure(db: Db, customerIds: readonly string[]): Promise<Map<string, string>>;
}

const sources = new Map<string, ExposureSource>();

export function registerExposureSource(source: ExposureSource): void {
  sources.set(source.key, source);
}

export const exposureSources = (): ExposureSource[] => [...sources.values()];
