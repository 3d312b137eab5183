import { App, Button, Descriptions, Drawer, Dropdown, Input, Modal, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../shared/dates.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type Lead, useLeadAction, usePoolRules } from './api.js';
import { LeadStatusTag } from './lead-status-tag.js';

/** One lead: its fields, the next steps a rep takes on it, and its history. */
export function LeadDrawer({
  lead,
  onClose,
  onEdit,
  onConvert,
}: {
  lead: Lead | null;
  onClose: () => void;
  onEdit: (l: Lead) => void;
  onConvert: (l: Lead) => void;
}) {
  const { t, i18n } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const industries = usePicklist('industry');
  const sources = usePicklist('customer_source');
  const poolRules = usePoolRules();
  const [reason, setReason] = useState('');
  const patch = useLeadAction((body: Record<string, unknown>) =>
    http.patch<Lead>(`/leads/${lead?.id}`, { ...body, version: lead?.version }),
  );
  const release = useLeadAction(() => http.post(`/leads/${lead?.id}/release`));
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));

  if (!lead) return <Drawer open={false} />;
  const open = lead.status !== 'converted';
  const editable = can('leads', 'edit') && open && !lead.inPool;

  const setStatus = (status: string, extra: Record<string, unknown> = {}) =>
    patch.mutateAsync({ status, ...extra }).then(() => {
      message.success(tc('saved'));
      onClose();
    }, fail);

  const disqualify = () =>
    modal.confirm({
      title: t('actions.disqualify'),
      content: (
        <Input.TextArea autoFocus maxLength={200} onChange={(e) => setReason(e.target.value)} placeholder={t('fields.disqualifyReason')} />
      ),
      onOk: () => setStatus('disqualified', { disqualifyReason: reason || undefined }),
    });

  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={
        <Space>
          {lead.company}
          <LeadStatusTag status={lead.status} />
        </Space>
      }
      extra={
        editable && (
          <Space wrap>
            <Button type="primary" onClick={() => onConvert(lead)} data-testid="lead-convert">
              {t('actions.convert')}
            </Button>
            <Button onClick={() => onEdit(lead)}>{tc('actions.edit')}</Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'contacted', label: t('actions.markContacted'), onClick: () => setStatus('contacted') },
                  { key: 'qualified', label: t('actions.markQualified'), onClick: () => setStatus('qualified') },
                  { key: 'disqualified', label: t('actions.disqualify'), onClick: disqualify },
                  { type: 'divider' },
                  {
                    key: 'release',
                    label: t('actions.release'),
                    danger: true,
                    onClick: () =>
                      Modal.confirm({
                        title: t('actions.release'),
                        content: t('actions.releaseConfirm', { days: poolRules.data?.reclaimCooldownDays ?? 7 }),
                        onOk: () =>
                          release.mutateAsync(undefined).then(() => {
                            message.success(t('actions.released'));
                            onClose();
                          }, fail),
                      }),
                  },
                ],
              }}
            >
              <Button>{tc('actions.more')}</Button>
            </Dropdown>
          </Space>
        )
      }
    >
      <Tabs
        items={[
          {
            key: 'info',
            label: t('menu.list'),
            children: (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('fields.contactName')}>
                  {[lead.contactName, lead.title].filter(Boolean).join(' · ') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('fields.mobile')}>{lead.mobile ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('fields.phone')}>{lead.phone ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('fields.email')}>{lead.email ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('fields.region')}>{lead.region ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('fields.industry')}>{industries.label(lead.industry)}</Descriptions.Item>
                <Descriptions.Item label={t('fields.source')}>{sources.label(lead.source)}</Descriptions.Item>
                <Descriptions.Item label={t('fields.owner')}>{lead.inPool ? t('tabs.pool') : (lead.ownerName ?? '—')}</Descriptions.Item>
                {lead.disqualifyReason && (
                  <Descriptions.Item label={t('fields.disqualifyReason')}>{lead.disqualifyReason}</Descriptions.Item>
                )}
                <Descriptions.Item label={t('fields.remarks')}>{lead.remarks ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('fields.createdAt')}>{formatDateTime(lead.createdAt, i18n.language)}</Descriptions.Item>
              </Descriptions>
            ),
          },
          {
            key: 'history',
            label: t('actions.history'),
            children: (
              <HistoryTimeline
                plural="leads"
                id={lead.id}
                fieldLabel={(f) =>
                  t(`fields.${f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/Id$/, '')}`, { defaultValue: f })
                }
                valueLabel={(f, v) => (f === 'status' && typeof v === 'string' ? t(`status.${v}`) : undefined)}
              />
            ),
          },
        ]}
      />
    </Drawer>
  );
}
