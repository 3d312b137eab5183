// Messages of sales targets (T1), apart from the main catalogue that many domains grow at once.

export const TARGET_MESSAGES = {
  TARGET_LOCKED: {
    'zh-CN': '这个目标的年度已经开始，已锁定不能再改；确需调整请找管理员解锁',
    'zh-TW': '這個目標的年度已經開始，已鎖定不能再改；確需調整請找管理員解鎖',
    en: 'This target’s year has started, so it is locked; ask an administrator to reopen it',
  },
  TARGET_OVER_PARENT: {
    'zh-CN': '分解超出了上级目标，请调整后再保存',
    'zh-TW': '分解超出了上級目標，請調整後再儲存',
    en: 'The split exceeds the target above it; adjust it and save again',
  },
} as const;

export const TARGET_STATUS: Record<keyof typeof TARGET_MESSAGES, number> = {
  TARGET_LOCKED: 409,
  TARGET_OVER_PARENT: 422,
};

export const TARGET_FIELD_MESSAGES = {
  target_over_total: {
    'zh-CN': '已分配 {distributed}，超出目标 {total}，多了 {excess}',
    'zh-TW': '已分配 {distributed}，超出目標 {total}，多了 {excess}',
    en: '{distributed} split out of a target of {total}: {excess} too much',
  },
  target_over_parent: {
    'zh-CN': '上级目标只分给本部门 {parent}，不能超过',
    'zh-TW': '上級目標只分給本部門 {parent}，不能超過',
    en: 'The target above gives this department {parent}; this cannot exceed it',
  },
  target_below_distributed: {
    'zh-CN': '已经分解了 {distributed}，目标不能低于这个数，请先改分解',
    'zh-TW': '已經分解了 {distributed}，目標不能低於這個數，請先改分解',
    en: '{distributed} is already split out; lower the split first',
  },
  target_child_over: {
    'zh-CN': '“{name}”自己的目标是 {amount}，分给它的不能少于这个数',
    'zh-TW': '「{name}」自己的目標是 {amount}，分給它的不能少於這個數',
    en: '“{name}” has its own target of {amount}; it cannot be given less',
  },
  target_row: {
    'zh-CN': '只能分给本部门的人员和直属下级部门',
    'zh-TW': '只能分給本部門的人員和直屬下級部門',
    en: 'Split only to people of this department and its direct sub-departments',
  },
  target_whole_units: {
    'zh-CN': '新客户数要填整数',
    'zh-TW': '新客戶數要填整數',
    en: 'New customers are counted in whole numbers',
  },
  target_no_last_year: {
    'zh-CN': '去年没有实际业绩可参考，请平均分配或手工填写',
    'zh-TW': '去年沒有實際業績可參考，請平均分配或手動填寫',
    en: 'There are no actuals last year to follow; split evenly or by hand',
  },
  target_dimension_type: {
    'zh-CN': '按产品分类只能设签约金额目标',
    'zh-TW': '按產品分類只能設簽約金額目標',
    en: 'Only signed-amount targets can be set per product category',
  },
  target_company_scope: {
    'zh-CN': '只有能看全公司数据的人才能设全公司目标',
    'zh-TW': '只有能看全公司資料的人才能設全公司目標',
    en: 'Only someone who sees the whole company may set its target',
  },
} as const;
