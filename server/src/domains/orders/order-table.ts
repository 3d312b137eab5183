import type { Generated, Selectable } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { NullableTimestamp, RecordBaseColumns, Timestamp } from '../../platform/db/platform-tables.js';

export type OrderStatus = 'draft' | 'in_approval' | 'confirmed' | 'partially_delivered' | 'delivered' | 'cancelled';

export interface OrderTable extends RecordBaseColumns {
  number: string;
  customer_id: string;
  contract_id: string | null;
  opportunity_id: string | null;
  order_date: string;
  status: Generated<OrderStatus>;
  total: Generated<string>;
  note: string | null;
  confirmed_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
}

export interface OrderLineTable {
  id: Generated<string>;
  order_id: string;
  position: number;
  product_id: string;
  code: string;
  name: string;
  specification: string | null;
  unit: string;
  quantity: string;
  unit_price: string;
  amount: string;
  required_date: string;
  note: string | null;
  delivered: Generated<string>;
}

export interface DeliveryTable {
  id: Generated<string>;
  order_id: string;
  delivered_on: string;
  carrier: string | null;
  tracking_no: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface DeliveryLineTable {
  id: Generated<string>;
  delivery_id: string;
  order_line_id: string;
  quantity: string;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    orders: OrderTable;
    order_lines: OrderLineTable;
    deliveries: DeliveryTable;
    delivery_lines: DeliveryLineTable;
  }
}

export type OrderRow = Selectable<OrderTable>;

/** What order steps need of the app: the clock and the company's time zone. */
export interface Env {
  clock: Clock;
  timeZone: string;
}
