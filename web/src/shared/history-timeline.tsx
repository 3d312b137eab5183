import { useQuery } from '@tanstack/react-query';
import { Empty, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { http } from '../app/api-client.js';
import { formatDateTime } from './dates.js';

interface HistoryEntry {
  id: number;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  actorName: string | null;
  at: string;
}

/** A record that went into the recycle bin with its parent, or came back with it, names the parent (server: history.ts). */
const DELETED_WITH = 'deleted_with';
interface ParentRef {
  entity?: string;
  title?: string;
  label?: { 'zh-CN': string; 'zh-TW': string; en: string } | null;
}

/**
 * P3 on every detail page: who changed which field when, old → new. `fieldLabel` turns column
 * names into the page's labels; `valueLabel` can turn codes (picklists, users) into names.
 */
export function HistoryTimeline({
  plural,
  id,
  fieldLabel,
  valueLabel,
}: {
  plural: string;
  id: string;
  fieldLabel: (field: string) => string;
  valueLabel?: (field: string, value: unknown) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { data, isLoading } = useQuery({
    queryKey: [plural, id, 'history'],
    queryFn: () => http.get<{ items: HistoryEntry[] }>(`/${plural}/${id}/history`),
  });
  if (isLoading) return <Skeleton active />;
  const items = data?.items ?? [];
  if (items.length === 0) return <Empty description={t('history.empty')} />;
  // Field rows of one save share actor and time: group them into one timeline entry.
  const groups: HistoryEntry[][] = [];
  for (const e of items) {
    const last = groups[groups.length - 1];
    if (last && last[0].at === e.at && last[0].action === e.action && last[0].actorName === e.actorName) last.push(e);
    else groups.push([e]);
  }
  const show = (value: unknown) =>
    value === null || value === undefined || value === '' ? t('history.blank') : Array.isArray(value) ? value.join('、') : String(value);
  const v = (field: string, value: unknown) => valueLabel?.(field, value) ?? show(value);
  const withParent = (value: unknown) => {
    const p = (value ?? {}) as ParentRef;
    const type = p.label?.[i18n.language as keyof NonNullable<ParentRef['label']>] ?? p.label?.['zh-CN'] ?? p.entity ?? '';
    return t('history.withParent', { type: i18n.language === 'en' ? type.toLowerCase() : type, name: p.title ?? '' });
  };
  return (
    <Timeline
      data-testid="history"
      items={groups.map((g) => ({
        key: g[0].id,
        color: g[0].action === 'delete' ? 'red' : g[0].action === 'create' ? 'green' : 'blue',
        children: (
          <div>
            <Typography.Text strong>{g[0].actorName ?? t('history.system')}</Typography.Text>{' '}
            <Typography.Text>{t(`history.${g[0].action}`, { defaultValue: g[0].action })}</Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(g[0].at, i18n.language)}
            </Typography.Text>
            {g[0].action !== 'create' &&
              g
                .filter((e) => e.field)
                .map((e) =>
                  e.field === DELETED_WITH ? (
                    <div key={e.id} style={{ fontSize: 13, marginTop: 2 }}>
                      {withParent(e.newValue)}
                    </div>
                  ) : (
                    <div key={e.id} style={{ fontSize: 13, marginTop: 2 }}>
                      {fieldLabel(e.field as string)}：
                      <Typography.Text delete type="secondary">
                        {v(e.field as string, e.oldValue)}
                      </Typography.Text>{' '}
                      → <Typography.Text>{v(e.field as string, e.newValue)}</Typography.Text>
                    </div>
                  ),
                )}
          </div>
        ),
      }))}
    />
  );
}
