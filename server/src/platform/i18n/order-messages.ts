// Messages of sales orders and deliveries (M2), spread into the document catalogue (document-messages.ts).

export const ORDER_MESSAGES = {
  ORDER_STATUS: {
    'zh-CN': '订单当前是“{status}”状态，不能执行这个操作',
    'zh-TW': '訂單目前是「{status}」狀態，不能執行這個操作',
    en: 'The order is {status}; this step does not apply',
  },
  ORDER_OVER_DELIVERY: {
    'zh-CN': '“{name}”还剩 {remaining}{unit} 未发货，这次不能发 {quantity}{unit}',
    'zh-TW': '「{name}」還剩 {remaining}{unit} 未出貨，這次不能出 {quantity}{unit}',
    en: '“{name}” has {remaining} {unit} left to deliver, not {quantity}',
  },
} as const;

export const ORDER_STATUS_CODES: Record<keyof typeof ORDER_MESSAGES, number> = {
  ORDER_STATUS: 409,
  ORDER_OVER_DELIVERY: 409,
};

export const ORDER_FIELD_MESSAGES = {
  order_line_unknown: {
    'zh-CN': '这一行不是这张订单的明细',
    'zh-TW': '這一行不是這張訂單的明細',
    en: 'This line is not on the order',
  },
  order_line_twice: {
    'zh-CN': '同一行明细只能填一次',
    'zh-TW': '同一行明細只能填一次',
    en: 'Each line may appear once',
  },
  product_inactive: {
    'zh-CN': '这个产品已停用，不能下单',
    'zh-TW': '這個產品已停用，不能下單',
    en: 'This product is no longer sold',
  },
} as const;
