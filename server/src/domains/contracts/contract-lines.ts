import type { Contract } from '@contracts/contracts.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { fen } from '@contracts/quote-money.js';
import { canSeeCosts } from './contract-entity.js';
import './contract-table.js';

/** The lines (the contract's own and its amendments'), each with its latest progress, and the amendments. */
export async function contractLines(db: Db, actor: Actor, contractId: string): Promise<Pick<Contract, 'lines' | 'amendments'>> {
  const rows = await db
    .selectFrom('contract_lines')
    .selectAll()
    .where('contract_id', '=', contractId)
    .orderBy('amendment_id', 'desc')
    .orderBy('position')
    .execute();
  const progress = await db
    .selectFrom('contract_line_progress as p')
    .leftJoin('users as u', 'u.id', 'p.recorded_by')
    .select(['p.line_id', 'p.percent', 'p.milestone', 'p.reached_on', 'u.display_name', 'p.recorded_at'])
    .where('p.contract_id', '=', contractId)
    .orderBy('p.recorded_at', 'desc')
    .execute();
  const latest = new Map<string, (typeof progress)[number]>();
  for (const p of progress) if (!latest.has(p.line_id)) latest.set(p.line_id, p);
  const costs = canSeeCosts(actor);
  const toLine = (l: (typeof rows)[number]) => {
    const p = latest.get(l.id);
    return {
      id: l.id,
      position: l.position,
      amendmentId: l.amendment_id,
      productId: l.product_id,
      bundleName: l.bundle_name,
      code: l.code,
      name: l.name,
      specification: l.specification,
      unit: l.unit,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      discount: l.discount,
      amount: l.amount,
      taxRate: l.tax_rate,
      taxAmount: l.tax_amount,
      progress: p ? { percent: p.percent, milestone: p.milestone, reachedOn: p.reached_on, recordedBy: p.display_name } : null,
      ...(costs ? { costPrice: l.cost_price } : {}),
    };
  };
  const amendments = await db
    .selectFrom('contract_amendments')
    .selectAll()
    .where('contract_id', '=', contractId)
    .orderBy('created_at')
    .execute();
  return {
    lines: rows.filter((l) => l.amendment_id === null).map(toLine),
    amendments: amendments.map((a) => ({
      id: a.id,
      number: a.number,
      title: a.title,
      reason: a.reason,
      status: a.status,
      amountChange: a.amount_change,
      createdAt: a.created_at.toISOString(),
      effectiveAt: a.effective_at?.toISOString() ?? null,
      lines: rows.filter((l) => l.amendment_id === a.id).map(toLine),
    })),
  };
}

/**
 * Q5: how far a contract is carried out — each counted line's latest percent weighted by its amount
 * (one decimal). Lines of amendments not yet effective, and lines taking quantity away, do not count.
 */
export async function contractProgress(db: Db, contractIds: string[]): Promise<Map<string, string>> {
  if (contractIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('contract_lines as l')
    .leftJoin('contract_amendments as a', 'a.id', 'l.amendment_id')
    .select(['l.id', 'l.contract_id', 'l.amount'])
    .select((eb) =>
      eb
        .selectFrom('contract_line_progress as p')
        .select('p.percent')
        .whereRef('p.line_id', '=', 'l.id')
        .orderBy('p.recorded_at', 'desc')
        .limit(1)
        .as('percent'),
    )
    .where('l.contract_id', 'in', contractIds)
    .where((eb) => eb.or([eb('l.amendment_id', 'is', null), eb('a.status', '=', 'effective')]))
    // A line an amendment takes away is no work to do: it does not weigh in the progress.
    .where('l.quantity', '>', '0')
    .execute();
  const sums = new Map<string, { weighted: bigint; total: bigint }>();
  for (const r of rows) {
    const amount = fen(r.amount);
    const weight = amount < 0n ? -amount : amount;
    const s = sums.get(r.contract_id) ?? { weighted: 0n, total: 0n };
    s.weighted += weight * fen(r.percent ?? '0');
    s.total += weight;
    sums.set(r.contract_id, s);
  }
  const out = new Map<string, string>();
  for (const [id, s] of sums) {
    // weighted / total is percent in hundredths; shown with one decimal, half up.
    const tenths = s.total === 0n ? 0n : (s.weighted * 2n + s.total * 10n) / (s.total * 20n);
    out.set(id, `${tenths / 10n}.${tenths % 10n}`);
  }
  return out;
}
