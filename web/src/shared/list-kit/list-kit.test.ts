import { describe, expect, it } from 'vitest';
import { columnPrefsKey, readColumnPrefs } from './column-prefs.js';
import { cellOf, type ListColumn, nextSort, withSortOrder } from './list-columns.js';

interface Row {
  id: string;
  name: string;
  region: string | null;
}

const columns: ListColumn<Row>[] = [
  { key: 'name', title: 'Name', sortable: true },
  { key: 'region', title: 'Region', dataIndex: 'region' },
  { key: 'updatedAt', title: 'Updated', sortable: true },
];

const storage = (values: Record<string, string>) => ({ getItem: (k: string) => values[k] ?? null });

describe('list sorting', () => {
  it('marks the column the URL sorts by, ascending or descending', () => {
    expect(withSortOrder(columns, 'name', undefined).map((c) => c.sortOrder)).toEqual(['ascend', undefined, null]);
    expect(withSortOrder(columns, '-updatedAt', undefined).map((c) => c.sortOrder)).toEqual([null, undefined, 'descend']);
  });
  it("shows the server's own order as sorted while the URL names none", () => {
    expect(withSortOrder(columns, undefined, '-updatedAt')[2]).toMatchObject({ sorter: true, sortOrder: 'descend' });
    expect(withSortOrder(columns, 'name', '-updatedAt')[2].sortOrder).toBeNull();
  });
  it('leaves the default order out of the URL', () => {
    expect(nextSort({ columnKey: 'updatedAt', order: 'descend' }, '-updatedAt')).toBeUndefined();
    expect(nextSort({ columnKey: 'updatedAt', order: 'ascend' }, '-updatedAt')).toBe('updatedAt');
    expect(nextSort({ columnKey: 'name', order: undefined })).toBeUndefined();
  });
});

describe('cells outside the table (phone cards)', () => {
  const row: Row = { id: '1', name: 'Acme', region: '成都' };
  it('renders what the column renders, or the field it names', () => {
    expect(cellOf({ key: 'name', render: (_: unknown, r: Row) => r.name.toUpperCase() }, row, 0)).toBe('ACME');
    expect(cellOf(columns[1], row, 0)).toBe('成都');
    expect(cellOf(columns[2], row, 0)).toBeUndefined();
  });
});

describe('column choice per user', () => {
  it('keeps each user’s choice for each list apart', () => {
    expect(columnPrefsKey('u1', 'customers')).not.toBe(columnPrefsKey('u2', 'customers'));
    expect(columnPrefsKey('u1', 'customers')).not.toBe(columnPrefsKey('u1', 'contacts'));
  });
  it('reads only the columns the list still has, and ignores what it cannot read', () => {
    const key = columnPrefsKey('u1', 'customers');
    expect(readColumnPrefs(storage({ [key]: '["grade","gone","owner"]' }), key, ['grade', 'owner'])).toEqual(['grade', 'owner']);
    expect(readColumnPrefs(storage({ [key]: '{not json' }), key, ['grade'])).toBeUndefined();
    expect(readColumnPrefs(storage({ [key]: '{"grade":true}' }), key, ['grade'])).toBeUndefined();
    expect(readColumnPrefs(storage({}), key, ['grade'])).toBeUndefined();
  });
});
