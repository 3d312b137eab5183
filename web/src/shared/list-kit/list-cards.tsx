import { Card, Checkbox, Pagination, type PaginationProps, Spin } from 'antd';
import type { Key, MouseEvent, ReactNode } from 'react';
import { cellOf, type ListColumn } from './list-columns.js';
import './list-kit.css';

/** A column's key (its cell, as the table renders it) or a render of its own. */
export type CardSlot<T> = string | ((row: T) => ReactNode);

/** Which parts of a row make its card at phone width. */
export interface CardLayout<T> {
  title: CardSlot<T>;
  /** One wrapped line of small facts under the title; empty ones ('—') are left out. */
  subtitle?: CardSlot<T>[];
  /** Before the title: a tick box, a type tag. */
  leading?: CardSlot<T>;
  /** After the title: the row's actions. */
  extra?: CardSlot<T>;
  /** Under the title: longer text. */
  body?: CardSlot<T>;
}

const isBlank = (node: ReactNode) =>
  node === null || node === undefined || node === false || node === '' || node === '—' || (Array.isArray(node) && node.length === 0);
// Controls in a card act on their own; only the rest of the card opens the record.
const stop = (e: MouseEvent) => e.stopPropagation();

export interface ListCardsProps<T> {
  rows: T[];
  rowKeyOf: (row: T) => Key;
  columns: ListColumn<T>[];
  layout: CardLayout<T>;
  loading: boolean;
  empty: ReactNode;
  pagination: PaginationProps;
  onRowClick?: (row: T) => void;
  selection?: { keys: Key[]; toggle: (key: Key) => void };
  testId?: string;
}

/** A list at phone width: each row one compact card, newest page first, paged underneath. */
export function ListCards<T>({
  rows,
  rowKeyOf,
  columns,
  layout,
  loading,
  empty,
  pagination,
  onRowClick,
  selection,
  testId,
}: ListCardsProps<T>) {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const slot = (s: CardSlot<T> | undefined, row: T, index: number): ReactNode => {
    if (s === undefined) return null;
    if (typeof s === 'function') return s(row);
    const column = byKey.get(s);
    return column ? cellOf(column, row, index) : null;
  };
  return (
    <Spin spinning={loading}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid={testId}>
        {rows.length === 0 && <div style={{ padding: '24px 0' }}>{loading ? <div style={{ height: 96 }} /> : empty}</div>}
        {rows.map((row, index) => {
          const key = rowKeyOf(row);
          const leading = slot(layout.leading, row, index);
          const extra = slot(layout.extra, row, index);
          const body = slot(layout.body, row, index);
          const facts = (layout.subtitle ?? [])
            .map((s, i) => ({ id: typeof s === 'string' ? s : `fact-${i}`, node: slot(s, row, index) }))
            .filter((f) => !isBlank(f.node));
          return (
            <Card
              key={key}
              size="small"
              hoverable={!!onRowClick}
              onClick={onRowClick && (() => onRowClick(row))}
              styles={{ body: { padding: '10px 12px' } }}
            >
              <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                {selection && (
                  // biome-ignore lint/a11y/noStaticElementInteractions: only keeps the tick from opening the record
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the checkbox inside takes the keyboard
                  <span onClick={stop}>
                    <Checkbox checked={selection.keys.includes(key)} onChange={() => selection.toggle(key)} />
                  </span>
                )}
                {!isBlank(leading) && (
                  // biome-ignore lint/a11y/noStaticElementInteractions: only keeps the control from opening the record
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the control inside takes the keyboard
                  <span onClick={stop}>{leading}</span>
                )}
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{slot(layout.title, row, index)}</div>
                  {facts.length > 0 && (
                    <div className="list-card-facts">
                      {/* Each fact keeps its separator at its end, so a wrapped line never starts with one. */}
                      {facts.map((fact, i) => (
                        <span key={fact.id} style={{ whiteSpace: 'nowrap' }}>
                          {fact.node}
                          {i < facts.length - 1 && <span className="list-card-sep">·</span>}
                        </span>
                      ))}
                    </div>
                  )}
                </div>
                {!isBlank(extra) && (
                  // biome-ignore lint/a11y/noStaticElementInteractions: only keeps the actions from opening the record
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the buttons inside take the keyboard
                  <span onClick={stop}>{extra}</span>
                )}
              </div>
              {!isBlank(body) && <div style={{ marginTop: 6 }}>{body}</div>}
            </Card>
          );
        })}
      </div>
      <Pagination size="small" align="center" hideOnSinglePage showLessItems style={{ marginTop: 12 }} {...pagination} />
    </Spin>
  );
}
