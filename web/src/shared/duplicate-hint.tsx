import type { DuplicateMatch } from '@contracts/leads.js';
import { useQuery } from '@tanstack/react-query';
import { Alert, type FormInstance, Form, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { http } from '../app/api-client.js';

interface Probe {
  name?: string;
  phone?: string;
  email?: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

const clean = (s: unknown) => (typeof s === 'string' && s.trim().length >= 2 ? s.trim() : undefined);

function linkOf(m: DuplicateMatch): string {
  if (m.entity === 'customer') return `/customers/${m.id}`;
  return `/${m.entity === 'contact' ? 'contacts' : 'leads'}?q=${encodeURIComponent(m.title ?? '')}`;
}

/**
 * C9 as the user types: company name, phone and e-mail are checked against customers, contacts and
 * leads (normalised on the server). Visible matches link to the record; one outside the user's
 * scope is only said to exist. Saving stays allowed: the user decides.
 */
export function DuplicateHint({
  form,
  fields,
  excludeId,
}: {
  form: FormInstance;
  /** Which form fields hold the company name, the phone and the e-mail. */
  fields: { name?: string; phone?: string; email?: string };
  excludeId?: string;
}) {
  const { t } = useTranslation();
  const name = Form.useWatch(fields.name ?? '__none', form);
  const phone = Form.useWatch(fields.phone ?? '__none', form);
  const email = Form.useWatch(fields.email ?? '__none', form);
  const probe = useDebounced<Probe>({ name: clean(name), phone: clean(phone), email: clean(email) }, 500);
  const enabled = !!(probe.name || probe.phone || probe.email);
  const { data } = useQuery({
    queryKey: ['duplicates', probe, excludeId],
    queryFn: () => http.post<{ matches: DuplicateMatch[] }>('/duplicates/check', { ...probe, excludeId }),
    enabled,
    staleTime: 30_000,
  });
  const matches = enabled ? (data?.matches ?? []).filter((m) => !(m.entity === 'customer' && m.id === excludeId)) : [];
  if (matches.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="duplicate-hint"
      title={t('duplicates.title', { count: matches.length })}
      description={
        <Space direction="vertical" size={2}>
          {matches.slice(0, 5).map((m, i) => (
            <Typography.Text key={`${m.entity}-${m.id ?? i}-${m.matchedOn}`}>
              {t(`duplicates.on.${m.matchedOn}`)} · {t(`duplicates.entity.${m.entity}`)}{' '}
              {m.visible && m.id ? (
                <Link to={linkOf(m)} target="_blank">
                  {m.title}
                </Link>
              ) : (
                <Typography.Text type="secondary">{t('duplicates.hidden')}</Typography.Text>
              )}
              {m.visible && m.ownerName ? <Typography.Text type="secondary">（{m.ownerName}）</Typography.Text> : null}
            </Typography.Text>
          ))}
          <Typography.Text type="secondary">{t('duplicates.decide')}</Typography.Text>
        </Space>
      }
    />
  );
}
