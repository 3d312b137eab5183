import type { Db } from '../platform/db/database.js';
import { uniq } from './factories.js';
import { makeOpportunity, makePipeline, type Owner, type TestPipeline } from '../domains/pipeline-reports/report-test-data.js';

/** A catalogue product straight in the table (the products domain has its own tests). */
export async function makeProduct(db: Db, o: { listPrice: string; costPrice?: string | null; taxRate?: string; ownerId: string }) {
  const row = await db
    .insertInto('products')
    .values({
      owner_id: o.ownerId,
      owner_dept_id: null,
      created_by: o.ownerId,
      code: uniq('P-'),
      name: uniq('奶粉'),
      unit: '箱',
      list_price: o.listPrice,
      cost_price: o.costPrice ?? null,
      tax_rate: o.taxRate ?? '13.00',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Seed 002's deal: a rep's opportunity in the five-stage pipeline, at 报价. */
export async function makeDeal(db: Db, owner: Owner, pipeline?: TestPipeline) {
  const p = pipeline ?? (await makePipeline(db));
  const id = await makeOpportunity(db, { owner, pipeline: p, stage: 'quote', amount: '100000.00' });
  return { id, pipeline: p };
}
