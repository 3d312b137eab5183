import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * A customer's region is a path written top down ('华东/上海/浦东'): a region matches itself and every
 * region under it. As a condition on a customer id, for figures split by region (T1 目标 by 地区).
 */
export const customerInRegion = (customerId: RawBuilder<unknown>, region: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM customers cu WHERE cu.id = ${customerId}
                         AND (cu.region = ${region} OR starts_with(cu.region, ${`${region}/`})))`;
