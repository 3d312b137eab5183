import type { Generated } from 'kysely';
import type { RecordBaseColumns, Timestamp } from '../../platform/db/platform-tables.js';

export interface ProductCategoryTable {
  id: Generated<string>;
  parent_id: string | null;
  name: string;
  sort_order: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ProductTable extends RecordBaseColumns {
  code: string;
  name: string;
  specification: string | null;
  unit: string;
  kind: Generated<'product' | 'bundle'>;
  category_id: string | null;
  list_price: string;
  cost_price: string | null;
  tax_rate: Generated<string>;
  active: Generated<boolean>;
  description: string | null;
}

export interface ProductBundleItemTable {
  id: Generated<string>;
  bundle_id: string;
  bundle_kind: Generated<'bundle'>;
  product_id: string;
  product_kind: Generated<'product'>;
  position: number;
  quantity: string;
  unit_price: string;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    product_categories: ProductCategoryTable;
    products: ProductTable;
    product_bundle_items: ProductBundleItemTable;
  }
}
