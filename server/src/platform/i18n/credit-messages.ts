// Messages of credit limits (M3), apart from the document catalogue that several money domains grow at once.

export const CREDIT_MESSAGES = {
  CREDIT_LIMIT_EXCEEDED: {
    'zh-CN':
      '超出信用额度，不能提交：客户“{customer}”的信用额度为 {limit}，已占用 {exposure}，本单 {adding}，超出 {excess}。请先催收回款，或请财务调整额度',
    'zh-TW':
      '超出信用額度，不能提交：客戶「{customer}」的信用額度為 {limit}，已占用 {exposure}，本單 {adding}，超出 {excess}。請先催收回款，或請財務調整額度',
    en: 'Over the credit limit: {customer} has a limit of {limit} with {exposure} already owed; this document adds {adding}, {excess} beyond the limit. Collect payments first or ask finance to raise the limit',
  },
} as const;

export const CREDIT_STATUS: Record<keyof typeof CREDIT_MESSAGES, number> = {
  CREDIT_LIMIT_EXCEEDED: 422,
};

export const CREDIT_FIELD_MESSAGES = {
  credit_limit_finance: {
    'zh-CN': '信用额度只能由财务调高或取消，您可以调低',
    'zh-TW': '信用額度只能由財務調高或取消，您可以調低',
    en: 'Only finance may raise or remove a credit limit; you may lower it',
  },
} as const;
