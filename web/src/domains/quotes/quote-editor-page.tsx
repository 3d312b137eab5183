import { LIMITS } from '@contracts/common.js';
import { QUOTE_LIMITS } from '@contracts/quotes.js';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Result, Row, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { applyApiError, isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { addDays, companyToday } from '../../shared/dates.js';
import { DateField } from '../../shared/form-kit/index.js';
import { PageHeader } from '../../shared/page-header.js';
import { type Quote, reloadQuote, useDeal, useQuote, useQuoteSettings, useSaveQuote } from './api.js';
import { DealPicker } from './deal-picker.js';
import { type DraftLine, draftFigures, linesInput, linesOfQuote, myDiscountLimit } from './quote-draft.js';
import { QuoteNumber, quantity } from './quote-labels.js';
import { QuoteLinesEditor } from './quote-lines-editor.js';
import { QuoteTotals } from './quote-totals.js';

/** /quotes/new?opportunityId=… and /quotes/:id/edit (a draft only). */
export function QuoteEditorPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('quotes');
  const quote = useQuote(id);
  if (!id) return <QuoteEditor />;
  if (quote.isLoading)
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (!quote.data) return <Result status="404" title="404" subTitle={t('detail.notFound')} />;
  if (quote.data.status !== 'draft' || !quote.data.can.edit)
    return (
      <Result
        status="warning"
        title={t('editor.notDraft')}
        extra={<Link to={`/quotes/${id}`}>{t('detail.back')}</Link>}
        data-testid="quote-not-draft"
      />
    );
  return <QuoteEditor key={`${quote.data.id}:${quote.data.version}`} quote={quote.data} />;
}

interface FormValues {
  title?: string;
  validUntil: string | null;
  notes?: string | null;
  terms?: string | null;
}

function QuoteEditor({ quote }: { quote?: Quote }) {
  const { t } = useTranslation('quotes');
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const [dealId, setDealId] = useState<string | undefined>(quote?.opportunityId ?? params.get('opportunityId') ?? undefined);
  const deal = useDeal(dealId);
  const [lines, setLines] = useState<DraftLine[]>(() => (quote ? linesOfQuote(quote) : []));
  const [wholeDiscount, setWholeDiscount] = useState<string>(quote?.wholeDiscount ?? '0');
  const save = useSaveQuote();
  // A saved quote carries the server's limit for the caller; a new one works it out from the settings.
  const settings = useQuoteSettings(!quote);
  const limit = quote?.discountLimit ?? (me && settings.data ? myDiscountLimit(me, settings.data.discountLimits) : '100.00');
  const seesCosts = can('product_costs', 'view');
  const figures = draftFigures(lines, wholeDiscount, limit);
  const dealName = deal.data?.name ?? quote?.opportunityName;

  const onSave = async () => {
    const values = await form.validateFields();
    if (!dealId) return void message.warning(t('editor.dealRequired'));
    if (lines.length === 0) return void message.warning(t('editor.needLines'));
    const body = {
      title: values.title?.trim() || null,
      validUntil: values.validUntil ?? null,
      wholeDiscount: wholeDiscount || '0',
      notes: values.notes ?? null,
      terms: values.terms ?? null,
      lines: linesInput(lines),
    };
    try {
      const saved = await save.mutateAsync(
        quote ? { id: quote.id, body: { ...body, version: quote.version } } : { body: { ...body, opportunityId: dealId } },
      );
      message.success(t(quote ? 'editor.saved' : 'editor.created'));
      navigate(`/quotes/${saved.id}`, { replace: true });
    } catch (e) {
      if (isVersionConflict(e) && quote) conflict(() => void reloadQuote(qc, quote.id));
      else {
        const rest = applyApiError(form, e);
        if (rest) message.error(rest);
      }
    }
  };
  const cancel = () => navigate(quote ? `/quotes/${quote.id}` : dealId ? `/opportunities/${dealId}` : '/quotes');

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{
        title: quote?.title,
        validUntil: quote ? quote.validUntil : addDays(companyToday(), 30),
        notes: quote?.notes,
        terms: quote?.terms,
      }}
    >
      <PageHeader
        title={
          quote ? (
            <Space>
              {t('editor.editTitle')}
              <QuoteNumber number={quote.number} revision={quote.revision} />
            </Space>
          ) : (
            t('editor.createTitle')
          )
        }
        sub={
          deal.data
            ? `${deal.data.customerName} · ${deal.data.name}`
            : quote
              ? `${quote.customerName} · ${quote.opportunityName}`
              : undefined
        }
        extra={
          <Space wrap>
            <Button onClick={cancel}>{t('common:actions.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void onSave()} data-testid="quote-save">
              {t('editor.save')}
            </Button>
          </Space>
        }
      />

      <Card variant="borderless" title={t('editor.info')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {!quote && (
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('editor.deal')} required>
                <DealPicker value={dealId} current={deal.data} onChange={setDealId} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="title" label={t('fields.title')} rules={[{ max: QUOTE_LIMITS.title }]}>
              <Input placeholder={dealName ? t('editor.titlePlaceholder', { name: dealName }) : undefined} maxLength={QUOTE_LIMITS.title} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <DateField name="validUntil" label={t('fields.validUntil')} testId="quote-valid-until" />
          </Col>
        </Row>
      </Card>

      {figures.overLimit && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('editor.overLimit', { limit: quantity(limit) })}
          description={
            figures.wholeOverLimit && !figures.lines.some((l) => l.overLimit)
              ? t('editor.wholeOverLimit', { discount: quantity(figures.overallDiscount) })
              : undefined
          }
          data-testid="quote-over-limit"
        />
      )}

      <Card
        variant="borderless"
        title={t('editor.lines')}
        extra={<Tag>{t('editor.myLimit', { limit: quantity(limit) })}</Tag>}
        style={{ marginBottom: 16 }}
      >
        <QuoteLinesEditor lines={lines} onChange={setLines} figures={figures} seesCosts={seesCosts} />
        <div style={{ marginTop: 16 }}>
          <QuoteTotals
            f={{ ...figures, wholeDiscount }}
            showMargin={seesCosts}
            wholeDiscountInput={
              <InputNumber<string>
                stringMode
                min="0"
                max="100"
                precision={2}
                suffix="%"
                size="small"
                value={wholeDiscount}
                onChange={(v) => setWholeDiscount(v ?? '0')}
                style={{ width: 110 }}
                aria-label={t('fields.wholeDiscount')}
                title={t('editor.wholeDiscountHint')}
                data-testid="quote-whole-discount"
              />
            }
          />
        </div>
      </Card>

      <Card variant="borderless">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="notes" label={t('fields.notes')}>
              <Input.TextArea rows={3} maxLength={LIMITS.text} placeholder={t('editor.notesPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="terms" label={t('fields.terms')}>
              <Input.TextArea rows={3} maxLength={LIMITS.text} placeholder={t('editor.termsPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </Form>
  );
}
