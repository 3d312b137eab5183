import type { Timestamp } from '../db/platform-tables.js';

export interface NumberSeriesTable {
  key: string;
  pattern: string;
  reset: 'never' | 'daily' | 'monthly' | 'yearly';
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface NumberCounterTable {
  key: string;
  period: string;
  last_value: string;
}

declare module '../db/database.js' {
  interface Tables {
    number_series: NumberSeriesTable;
    number_counters: NumberCounterTable;
  }
}
