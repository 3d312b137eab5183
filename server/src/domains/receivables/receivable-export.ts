import { invoiceListQuery } from '@contracts/invoices.js';
import { paymentListQuery } from '@contracts/receivables.js';
import { column, type Label, OWNER_COLUMNS, registerExport, STAMP_COLUMNS } from '../exports/public.js';
import { listInvoices } from './invoices.js';
import { listPayments } from './payments.js';

const label = (zhCN: string, zhTW: string, en: string): Label => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

const PAYMENT_STATUS = {
  'zh-CN': { expected: '预计回款', in_approval: '审批中', confirmed: '已确认', rejected: '已退回' },
  'zh-TW': { expected: '預計回款', in_approval: '審批中', confirmed: '已確認', rejected: '已退回' },
  en: { expected: 'Expected', in_approval: 'In approval', confirmed: 'Confirmed', rejected: 'Rejected' },
};
const PAYMENT_METHOD = {
  'zh-CN': { bank_transfer: '银行转账', cash: '现金', acceptance_bill: '承兑汇票', other: '其他' },
  'zh-TW': { bank_transfer: '銀行轉帳', cash: '現金', acceptance_bill: '承兌匯票', other: '其他' },
  en: { bank_transfer: 'Bank transfer', cash: 'Cash', acceptance_bill: 'Acceptance bill', other: 'Other' },
};
const INVOICE_TYPE = {
  'zh-CN': { vat_special: '增值税专用发票', vat_normal: '增值税普通发票' },
  'zh-TW': { vat_special: '增值稅專用發票', vat_normal: '增值稅普通發票' },
  en: { vat_special: 'VAT special invoice', vat_normal: 'VAT normal invoice' },
};

// The payment list as CSV/XLSX: the same filters and scope as GET /payments.
registerExport({
  entity: 'payments',
  module: 'receivables',
  query: paymentListQuery,
  list: (db, actor, _ctx, filters, page, pageSize) => listPayments(db, actor, { ...filters, page, pageSize }),
  fileName: label('回款', '回款', 'payments'),
  columns: [
    column(label('回款日期', '回款日期', 'Received on'), 'receivedOn'),
    column(label('合同编号', '合約編號', 'Contract'), 'contractNumber'),
    column(label('合同名称', '合約名稱', 'Contract title'), 'contractTitle'),
    column(label('客户', '客戶', 'Customer'), 'customerName'),
    column(label('金额', '金額', 'Amount'), 'amount', 'money'),
    column(label('回款方式', '回款方式', 'Method'), 'method', { codes: PAYMENT_METHOD }),
    column(label('银行流水号', '銀行流水號', 'Bank reference'), 'bankReference'),
    column(label('状态', '狀態', 'Status'), 'status', { codes: PAYMENT_STATUS }),
    column(label('确认时间', '確認時間', 'Confirmed at'), 'confirmedAt', 'instant'),
    column(label('退回原因', '退回原因', 'Reason rejected'), 'rejectReason'),
    column(label('备注', '備註', 'Note'), 'note'),
    ...OWNER_COLUMNS,
    ...STAMP_COLUMNS,
  ],
});

// The invoice list as CSV/XLSX: the same filters and scope as GET /invoices.
registerExport({
  entity: 'invoices',
  module: 'receivables',
  query: invoiceListQuery,
  list: (db, actor, _ctx, filters, page, pageSize) => listInvoices(db, actor, { ...filters, page, pageSize }),
  fileName: label('发票', '發票', 'invoices'),
  columns: [
    column(label('发票号码', '發票號碼', 'Invoice number'), 'number'),
    column(label('开票日期', '開票日期', 'Issued on'), 'issuedOn'),
    column(label('发票类型', '發票類型', 'Type'), 'type', { codes: INVOICE_TYPE }),
    column(label('合同编号', '合約編號', 'Contract'), 'contractNumber'),
    column(label('客户', '客戶', 'Customer'), 'customerName'),
    column(label('价税合计', '價稅合計', 'Amount incl. tax'), 'amount', 'money'),
    column(label('税率(%)', '稅率(%)', 'Tax rate (%)'), 'taxRate'),
    column(label('税额', '稅額', 'Tax'), 'taxAmount', 'money'),
    column(label('不含税金额', '不含稅金額', 'Amount excl. tax'), 'amountExcludingTax', 'money'),
    column(label('备注', '備註', 'Note'), 'note'),
    ...OWNER_COLUMNS,
    ...STAMP_COLUMNS,
  ],
});
