import { Alert, App, Button, Checkbox, DatePicker, Form, Input, List, Modal, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { dateFromPicker } from '../../shared/dates.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { MoneyInput } from '../../shared/form-kit/index.js';
import { type DuplicateMatch, type Lead, useLeadAction } from './api.js';

interface ConvertBody {
  version: number;
  existingCustomerId?: string;
  customer?: { name: string };
  contact?: { name: string };
  skipContact?: boolean;
  ignoreDuplicates?: boolean;
  opportunity?: { name?: string; amount?: string; expectedCloseDate?: string | null };
}

interface Values {
  customerName: string;
  contactName: string;
  skipContact: boolean;
  withDeal: boolean;
  dealName?: string;
  dealAmount?: string | null;
  dealClose?: Dayjs | null;
}

/**
 * C3 conversion: a new customer (named like the lead) and its contact, in one step. When the server
 * finds a likely duplicate the user decides: link to the visible match, or create anyway.
 */
export function ConvertLeadModal({ lead, onClose }: { lead: Lead | null; onClose: () => void }) {
  const { t } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const withDeal = Form.useWatch('withDeal', form);
  const [matches, setMatches] = useState<DuplicateMatch[] | null>(null);
  const [error, setError] = useState<string>();
  const convert = useLeadAction((body: ConvertBody) =>
    http.post<{ customerId: string; contactId: string | null; opportunityId: string | null }>(`/leads/${lead?.id}/convert`, body),
  );

  const close = () => {
    setMatches(null);
    setError(undefined);
    onClose();
  };

  const run = async (extra: Partial<ConvertBody>) => {
    if (!lead) return;
    const v = form.getFieldsValue();
    setError(undefined);
    try {
      const res = (await convert.mutateAsync({
        version: lead.version,
        customer: extra.existingCustomerId ? undefined : { name: v.customerName },
        contact: v.skipContact || !v.contactName ? undefined : { name: v.contactName },
        skipContact: v.skipContact || !v.contactName,
        opportunity: v.withDeal
          ? {
              name: v.dealName?.trim() || undefined,
              amount: v.dealAmount ? String(v.dealAmount) : undefined,
              expectedCloseDate: dateFromPicker(v.dealClose),
            }
          : undefined,
        ...extra,
      })) as { customerId: string; opportunityId: string | null };
      message.success(t(res.opportunityId ? 'convert.doneWithDeal' : 'convert.done'));
      close();
      navigate(res.opportunityId ? `/opportunities/${res.opportunityId}` : `/customers/${res.customerId}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DUPLICATES_FOUND') {
        setMatches(((e.current as { matches?: DuplicateMatch[] })?.matches ?? []) as DuplicateMatch[]);
        return;
      }
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <Modal
      open={!!lead}
      title={t('convert.title')}
      onCancel={close}
      destroyOnHidden
      okText={t('actions.convert')}
      cancelText={tc('actions.cancel')}
      onOk={() => form.validateFields().then(() => run({}))}
      confirmLoading={convert.isPending}
      okButtonProps={{ disabled: !!matches }}
    >
      {lead && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            customerName: lead.company,
            contactName: lead.contactName ?? '',
            skipContact: !lead.contactName,
            withDeal: false,
          }}
        >
          <Form.Item name="customerName" label={t('convert.customerName')} rules={[{ required: true, max: 200, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="contactName" label={t('convert.contactName')} rules={[{ max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="skipContact" valuePropName="checked">
            <Checkbox>{t('convert.skipContact')}</Checkbox>
          </Form.Item>
          {can('opportunities', 'create') && (
            <Form.Item name="withDeal" valuePropName="checked" style={{ marginBottom: withDeal ? 12 : undefined }}>
              <Checkbox data-testid="convert-with-deal">{t('convert.withDeal')}</Checkbox>
            </Form.Item>
          )}
          {withDeal && (
            <Space.Compact block style={{ marginBottom: 16 }}>
              <Form.Item name="dealName" noStyle rules={[{ max: 200 }]}>
                <Input placeholder={t('convert.dealName', { company: lead.company })} style={{ width: '45%' }} />
              </Form.Item>
              <Form.Item name="dealAmount" noStyle>
                <MoneyInput placeholder={t('convert.dealAmount')} style={{ width: '30%' }} />
              </Form.Item>
              <Form.Item name="dealClose" noStyle>
                <DatePicker placeholder={t('convert.dealClose')} style={{ width: '25%' }} />
              </Form.Item>
            </Space.Compact>
          )}
        </Form>
      )}
      {error && <Alert type="error" showIcon message={error} />}
      {matches && (
        <Alert
          type="warning"
          showIcon
          message={t('convert.duplicatesTitle')}
          description={
            <>
              <List
                size="small"
                dataSource={matches}
                renderItem={(m) => (
                  <List.Item
                    actions={
                      m.visible && m.id
                        ? [
                            <Button key="use" size="small" type="link" onClick={() => run({ existingCustomerId: m.id as string })}>
                              {t('convert.useExisting')}
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <Typography.Text>
                      {m.visible
                        ? t('convert.duplicateVisible', { name: m.title, owner: m.ownerName ?? '—' })
                        : t('convert.duplicateHidden')}
                    </Typography.Text>
                  </List.Item>
                )}
              />
              <Space style={{ marginTop: 8 }}>
                <Button danger onClick={() => run({ ignoreDuplicates: true })} loading={convert.isPending}>
                  {t('convert.createAnyway')}
                </Button>
              </Space>
            </>
          }
        />
      )}
    </Modal>
  );
}
