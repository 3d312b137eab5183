import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { formatMoney } from '../../shared/format.js';
import { type Invoice, useDeleteInvoice } from './api.js';

/** Finance voids an invoice (into the recycle bin) after a question: the contract's invoiced total drops by it. */
export function InvoiceActions({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation('receivables');
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const remove = useDeleteInvoice();
  if (!can('receivables', 'delete')) return null;
  const ask = () =>
    modal.confirm({
      title: t('invoices.voidTitle', { number: invoice.number }),
      content: `${invoice.contractNumber} · ${formatMoney(invoice.amount)}。${t('invoices.voidBody')}`,
      okText: t('invoices.void'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await remove.mutateAsync(invoice.id);
          message.success(t('invoices.voided'));
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  return (
    <Button
      size="small"
      type="text"
      danger
      loading={remove.isPending}
      onClick={(e) => {
        e.stopPropagation();
        ask();
      }}
      data-testid="invoice-void"
    >
      {t('invoices.void')}
    </Button>
  );
}
