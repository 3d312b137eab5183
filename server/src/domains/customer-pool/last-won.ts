import type { Db } from '../../platform/db/database.js';

/**
 * "No won deal in M days" needs to know when each customer last won a deal. The domain that knows
 * (opportunities, later contracts) registers here; with none registered that rule is skipped.
 */
export type LastWonProvider = (db: Db, customerIds: string[]) => Promise<Map<string, Date>>;

const providers: LastWonProvider[] = [];

export function registerLastWonProvider(p: LastWonProvider): void {
  providers.push(p);
}

export const hasLastWonProvider = () => providers.length > 0;

/** The latest won date per customer over every provider. */
export async function lastWonDates(db: Db, customerIds: string[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  for (const p of providers) {
    for (const [id, at] of await p(db, customerIds)) {
      const prev = out.get(id);
      if (!prev || prev < at) out.set(id, at);
    }
  }
  return out;
}
