import type { Locale } from '@contracts/common.js';
import { CREDIT_FIELD_MESSAGES, CREDIT_MESSAGES } from './credit-messages.js';
import { DOCUMENT_FIELD_MESSAGES, DOCUMENT_MESSAGES } from './document-messages.js';
import { TARGET_FIELD_MESSAGES, TARGET_MESSAGES } from './target-messages.js';

type Catalogue = Record<string, Record<Locale, string>>;

// Server-side messages: errors and validation. UI strings live in web/src/i18n.
const MESSAGES = {
  ...DOCUMENT_MESSAGES,
  ...CREDIT_MESSAGES,
  ...TARGET_MESSAGES,
  VALIDATION: { 'zh-CN': '填写的内容有误，请检查标红的字段', 'zh-TW': '填寫的內容有誤，請檢查標紅的欄位', en: 'Some fields are invalid' },
  BAD_REQUEST: { 'zh-CN': '请求格式不正确', 'zh-TW': '請求格式不正確', en: 'The request is malformed' },
  INVALID_JSON: { 'zh-CN': '请求内容不是合法的 JSON', 'zh-TW': '請求內容不是合法的 JSON', en: 'The request body is not valid JSON' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容太大', 'zh-TW': '提交的內容太大', en: 'The request body is too large' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', 'zh-TW': '請先登入', en: 'Please sign in' },
  SESSION_EXPIRED: {
    'zh-CN': '登录已过期，请重新登录',
    'zh-TW': '登入已過期，請重新登入',
    en: 'Your session has expired, please sign in again',
  },
  TOKEN_RATE_LIMITED: {
    'zh-CN': '这个 API 令牌请求太频繁，请 {seconds} 秒后再试',
    'zh-TW': '這個 API 權杖請求太頻繁，請 {seconds} 秒後再試',
    en: 'Too many requests with this API token, try again in {seconds} seconds',
  },
  TOTP_SETUP_REQUIRED: {
    'zh-CN': '你的角色要求两步验证，请先在个人设置里开启',
    'zh-TW': '你的角色要求兩步驟驗證，請先在個人設定裡開啟',
    en: 'Your role requires two-step sign-in: turn it on in your profile first',
  },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码不正确', 'zh-TW': '使用者名稱或密碼不正確', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试',
    'zh-TW': '登入失敗次數過多，請 {minutes} 分鐘後再試',
    en: 'Too many failed sign-ins, try again in {minutes} minutes',
  },
  ACCOUNT_INACTIVE: { 'zh-CN': '该账号已停用，请联系管理员', 'zh-TW': '該帳號已停用，請聯繫管理員', en: 'This account is deactivated' },
  TOTP_REQUIRED: { 'zh-CN': '请输入动态验证码', 'zh-TW': '請輸入動態驗證碼', en: 'Enter your authenticator code' },
  TOTP_INVALID: { 'zh-CN': '动态验证码不正确', 'zh-TW': '動態驗證碼不正確', en: 'The authenticator code is wrong' },
  TOTP_ALREADY_ENABLED: {
    'zh-CN': '已开启两步验证，请先用验证码关闭后再重新设置',
    'zh-TW': '已開啟兩步驗證，請先用驗證碼關閉後再重新設定',
    en: 'Two-step sign-in is already on; turn it off with a code before setting it up again',
  },
  CSRF: {
    'zh-CN': '页面已过期，请刷新后重试',
    'zh-TW': '頁面已過期，請重新整理後再試',
    en: 'Security token missing or stale, reload the page',
  },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限', 'zh-TW': '您沒有執行此操作的權限', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '记录不存在或您无权查看', 'zh-TW': '記錄不存在或您無權查看', en: 'Not found, or not visible to you' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在', 'zh-TW': '介面不存在', en: 'No such endpoint' },
  VERSION_CONFLICT: {
    'zh-CN': '这条记录已被他人修改，请刷新后再保存',
    'zh-TW': '這筆記錄已被他人修改，請重新整理後再儲存',
    en: 'Someone else changed this record; reload before saving',
  },
  DUPLICATE: { 'zh-CN': '{field}“{value}”已存在', 'zh-TW': '{field}「{value}」已存在', en: '{field} "{value}" already exists' },
  CONFLICT: { 'zh-CN': '操作与现有数据冲突', 'zh-TW': '操作與現有資料衝突', en: 'The change conflicts with existing data' },
  IN_USE: { 'zh-CN': '该数据仍在使用中，不能删除', 'zh-TW': '該資料仍在使用中，不能刪除', en: 'Still in use, cannot be deleted' },
  PASSWORD_POLICY: {
    'zh-CN': '密码至少 8 位，且须同时包含字母和数字',
    'zh-TW': '密碼至少 8 位，且須同時包含字母和數字',
    en: 'Passwords need at least 8 characters with letters and digits',
  },
  WRONG_PASSWORD: { 'zh-CN': '原密码不正确', 'zh-TW': '原密碼不正確', en: 'The current password is wrong' },
  BUSINESS_RULE: { 'zh-CN': '{detail}', 'zh-TW': '{detail}', en: '{detail}' },
  DEPARTMENT_CYCLE: {
    'zh-CN': '上级部门不能是它自己或它的下级部门',
    'zh-TW': '上級部門不能是它自己或它的下級部門',
    en: 'A department cannot sit under itself or its own sub-department',
  },
  LAST_ADMIN: {
    'zh-CN': '至少要保留一位在职的系统管理员，这次修改没有保存',
    'zh-TW': '至少要保留一位在職的系統管理員，這次修改沒有儲存',
    en: 'At least one active administrator must remain; the change was not saved',
  },
  DEPARTMENT_NOT_EMPTY: {
    'zh-CN': '部门下还有人员（含已停用的账号）或下级部门，不能删除',
    'zh-TW': '部門下還有人員（含已停用的帳號）或下級部門，不能刪除',
    en: 'The department still has users (deactivated ones included) or sub-departments',
  },
  POOL_DAILY_LIMIT: {
    'zh-CN': '今天已领取 {limit} 条，达到每日上限，明天再来',
    'zh-TW': '今天已領取 {limit} 筆，達到每日上限，明天再來',
    en: 'You have claimed {limit} today, the daily limit',
  },
  POOL_HOLD_LIMIT: {
    'zh-CN': '您手上已有 {limit} 条未完成的线索，先跟进或释放一些再领取',
    'zh-TW': '您手上已有 {limit} 筆未完成的線索，先跟進或釋放一些再領取',
    en: 'You already hold {limit} open leads; work or release some first',
  },
  POOL_COOLDOWN: {
    'zh-CN': '这条线索是您刚退回公海的，{days} 天内不能再次领取',
    'zh-TW': '這筆線索是您剛退回公海的，{days} 天內不能再次領取',
    en: 'You returned this lead to the pool; you can claim it again after {days} days',
  },
  POOL_HOLD_LIMIT_CUSTOMERS: {
    'zh-CN': '您名下已有 {limit} 个客户，达到上限，先把跟不动的退回公海再领取',
    'zh-TW': '您名下已有 {limit} 個客戶，達到上限，先把跟不動的退回公海再領取',
    en: 'You already own {limit} customers, the limit; return some to the pool first',
  },
  POOL_COOLDOWN_CUSTOMER: {
    'zh-CN': '这个客户刚从您手上退回公海，{days} 天内不能再领回',
    'zh-TW': '這個客戶剛從您手上退回公海，{days} 天內不能再領回',
    en: 'This customer just left you for the pool; you can claim it back after {days} days',
  },
  CUSTOMER_NOT_IN_POOL: {
    'zh-CN': '手慢了，这个客户已被别人领走',
    'zh-TW': '手慢了，這個客戶已被別人領走',
    en: 'Someone else has already claimed this customer',
  },
  POOL_NOT_YOURS: {
    'zh-CN': '这个公海只对指定部门开放，您所在的部门不在其中',
    'zh-TW': '這個公海只對指定部門開放，您所在的部門不在其中',
    en: 'This pool is open to other departments only',
  },
  STAGE_IN_USE: {
    'zh-CN': '要删除的阶段里还有商机，请先把它们移到别的阶段',
    'zh-TW': '要刪除的階段裡還有商機，請先把它們移到別的階段',
    en: 'A stage you removed still holds opportunities; move them first',
  },
  NOT_IN_POOL: { 'zh-CN': '该线索已被他人领取', 'zh-TW': '該線索已被他人領取', en: 'Someone else has already claimed this lead' },
  LEAD_CONVERTED: { 'zh-CN': '该线索已转化，不能再修改', 'zh-TW': '該線索已轉換，不能再修改', en: 'This lead has already been converted' },
  DUPLICATES_FOUND: {
    'zh-CN': '发现可能重复的客户，请确认后再转化',
    'zh-TW': '發現可能重複的客戶，請確認後再轉換',
    en: 'Possible duplicate customers found; confirm before converting',
  },
  IMPORT_RUNNING: {
    'zh-CN': '这个文件正在处理中，请等它完成',
    'zh-TW': '這個檔案正在處理中，請等它完成',
    en: 'This file is being processed; wait for it to finish',
  },
  IMPORT_DONE: { 'zh-CN': '这个文件已经导入过了', 'zh-TW': '這個檔案已經匯入過了', en: 'This file has already been imported' },
  IMPORT_EMPTY: {
    'zh-CN': '文件是空的：第一行应是表头，下面是数据',
    'zh-TW': '檔案是空的：第一列應是表頭，下面是資料',
    en: 'The file is empty: the first row should be headings, then data',
  },
  IMPORT_UNREADABLE: {
    'zh-CN': '读不出这个文件，请另存为 CSV 或 Excel（.xlsx）再试',
    'zh-TW': '讀不出這個檔案，請另存為 CSV 或 Excel（.xlsx）再試',
    en: 'This file cannot be read; save it as CSV or Excel (.xlsx) and try again',
  },
  IMPORT_MAPPING_INCOMPLETE: {
    'zh-CN': '还有必填字段没对应到文件的列：{fields}',
    'zh-TW': '還有必填欄位沒對應到檔案的欄：{fields}',
    en: 'Required fields not matched to a column: {fields}',
  },
  FILE_TOO_LARGE: {
    'zh-CN': '文件太大，最大 {max}',
    'zh-TW': '檔案太大，最大 {max}',
    en: 'The file is too large; the limit is {max}',
  },
  ATTACHMENTS_LOCKED: {
    'zh-CN': '{record}已提交审批或已审批，附件不能再增删；如需修改请先撤回',
    'zh-TW': '{record}已送出審批或已審批，附件不能再增刪；如需修改請先撤回',
    en: 'The {record} is submitted or approved: its attachments can no longer change; withdraw it first',
  },
  FILE_TYPE_NOT_ALLOWED: {
    'zh-CN': '不支持这种文件，请上传 {types} 文件',
    'zh-TW': '不支援這種檔案，請上傳 {types} 檔案',
    en: 'This kind of file is not accepted; upload {types}',
  },
  FILE_EMPTY: { 'zh-CN': '文件是空的', 'zh-TW': '檔案是空的', en: 'The file is empty' },
  HAS_DEPENDANTS: {
    'zh-CN': '{type}“{title}”下还有 {list}，不能删除，请先处理这些记录',
    'zh-TW': '{type}「{title}」下還有 {list}，不能刪除，請先處理這些記錄',
    en: 'The {type} “{title}” still has {list}; deal with them before deleting it',
  },
  DELETED_WITH_PARENT: {
    'zh-CN': '这条记录是随{type}“{title}”一起删除的，恢复这个{type}时它会一起回来',
    'zh-TW': '這筆記錄是隨{type}「{title}」一起刪除的，還原這個{type}時它會一起回來',
    en: 'This record was deleted together with the {type} “{title}”; restore the {type} and it comes back too',
  },
  PARENT_IN_BIN: {
    'zh-CN': '它所属的{type}“{title}”还在回收站里，请先恢复这个{type}',
    'zh-TW': '它所屬的{type}「{title}」還在資源回收筒裡，請先還原這個{type}',
    en: 'Its {type} “{title}” is still in the recycle bin; restore the {type} first',
  },
  PRODUCT_CATEGORY_NOT_EMPTY: {
    'zh-CN': '分类“{name}”下还有产品或子分类，请先移走再删除',
    'zh-TW': '分類「{name}」下還有產品或子分類，請先移走再刪除',
    en: 'The category “{name}” still holds products or sub-categories; move them first',
  },
  PRODUCT_IN_BUNDLE: {
    'zh-CN': '“{name}”是套餐 {bundles} 的组成部分，请先从套餐里移除再删除',
    'zh-TW': '「{name}」是套餐 {bundles} 的組成部分，請先從套餐裡移除再刪除',
    en: '“{name}” is part of the bundle(s) {bundles}; take it out of them before deleting it',
  },
  INTERNAL: { 'zh-CN': '服务器开小差了，请稍后再试', 'zh-TW': '伺服器發生錯誤，請稍後再試', en: 'Something went wrong on the server' },
} satisfies Catalogue;

export type MessageKey = keyof typeof MESSAGES;

// Field-level validation messages keyed by Zod issue kind.
export const FIELD_MESSAGES = {
  ...DOCUMENT_FIELD_MESSAGES,
  ...CREDIT_FIELD_MESSAGES,
  ...TARGET_FIELD_MESSAGES,
  required: { 'zh-CN': '必填', 'zh-TW': '必填', en: 'Required' },
  invalid_type: { 'zh-CN': '类型不正确', 'zh-TW': '類型不正確', en: 'Wrong type' },
  too_long: { 'zh-CN': '最多 {max} 个字符', 'zh-TW': '最多 {max} 個字元', en: 'At most {max} characters' },
  too_short: { 'zh-CN': '至少 {min} 个字符', 'zh-TW': '至少 {min} 個字元', en: 'At least {min} characters' },
  too_big: { 'zh-CN': '不能大于 {max}', 'zh-TW': '不能大於 {max}', en: 'Must be at most {max}' },
  too_small: { 'zh-CN': '不能小于 {min}', 'zh-TW': '不能小於 {min}', en: 'Must be at least {min}' },
  too_many: { 'zh-CN': '最多 {max} 项', 'zh-TW': '最多 {max} 項', en: 'At most {max} items' },
  invalid_value: { 'zh-CN': '不是可选的值', 'zh-TW': '不是可選的值', en: 'Not an allowed value' },
  invalid_format: { 'zh-CN': '格式不正确', 'zh-TW': '格式不正確', en: 'Invalid format' },
  email: { 'zh-CN': '邮箱格式不正确', 'zh-TW': '電子郵件格式不正確', en: 'Invalid e-mail address' },
  uuid: { 'zh-CN': 'ID 格式不正确', 'zh-TW': 'ID 格式不正確', en: 'Invalid id' },
  url: { 'zh-CN': '网址格式不正确', 'zh-TW': '網址格式不正確', en: 'Invalid URL' },
  money: { 'zh-CN': '请输入金额，最多两位小数', 'zh-TW': '請輸入金額，最多兩位小數', en: 'Enter an amount with at most two decimals' },
  date: { 'zh-CN': '日期格式应为 YYYY-MM-DD', 'zh-TW': '日期格式應為 YYYY-MM-DD', en: 'Use the date format YYYY-MM-DD' },
  unknown_field: { 'zh-CN': '不支持的字段', 'zh-TW': '不支援的欄位', en: 'Unknown field' },
  picklist: { 'zh-CN': '不是有效的选项', 'zh-TW': '不是有效的選項', en: 'Not a valid option' },
  reference: { 'zh-CN': '关联的记录不存在', 'zh-TW': '關聯的記錄不存在', en: 'The referenced record does not exist' },
  duplicate: { 'zh-CN': '已存在', 'zh-TW': '已存在', en: 'Already exists' },
  owner_scope: {
    'zh-CN': '只能分配给您权限范围内的同事',
    'zh-TW': '只能分配給您權限範圍內的同事',
    en: 'You can only assign records to people within your scope',
  },
  date_range: { 'zh-CN': '结束不能早于开始', 'zh-TW': '結束不能早於開始', en: 'The end cannot be before the start' },
  months_too_many: { 'zh-CN': '最多选 {max} 个月', 'zh-TW': '最多選 {max} 個月', en: 'At most {max} months' },
  days_too_many: { 'zh-CN': '时间跨度最多 {max} 天', 'zh-TW': '時間跨度最多 {max} 天', en: 'At most {max} days' },
  import_duplicate: { 'zh-CN': '系统里已有，未导入', 'zh-TW': '系統裡已有，未匯入', en: 'Already in the CRM; not imported' },
  import_duplicate_in_file: {
    'zh-CN': '和文件里前面的行重复，未导入',
    'zh-TW': '和檔案裡前面的列重複，未匯入',
    en: 'Repeats an earlier row of the file; not imported',
  },
  import_customer_missing: {
    'zh-CN': '找不到这个客户，或不在您的权限范围内',
    'zh-TW': '找不到這個客戶，或不在您的權限範圍內',
    en: 'No customer of that name that you can see',
  },
  import_owner_missing: {
    'zh-CN': '找不到这位同事，或不能分配给他',
    'zh-TW': '找不到這位同事，或不能分配給他',
    en: 'No colleague of that name you may assign to',
  },
  probability_range: {
    'zh-CN': '这个阶段的赢率只能在 {min}%–{max}% 之间',
    'zh-TW': '這個階段的贏率只能在 {min}%–{max}% 之間',
    en: 'This stage allows {min}%–{max}%',
  },
  probability_closed: {
    'zh-CN': '已结束的商机赢率固定（赢单 100%，输单 0%）',
    'zh-TW': '已結束的商機贏率固定（贏單 100%，輸單 0%）',
    en: 'A closed opportunity’s probability is fixed (won 100%, lost 0%)',
  },
  stage_not_open: {
    'zh-CN': '新商机要从进行中的阶段开始',
    'zh-TW': '新商機要從進行中的階段開始',
    en: 'A new opportunity starts in an open stage',
  },
  pipeline_won_lost: {
    'zh-CN': '每个流程要有且只有一个“赢单”阶段和一个“输单”阶段',
    'zh-TW': '每個流程要有且只有一個「贏單」階段和一個「輸單」階段',
    en: 'A pipeline needs exactly one won and one lost stage',
  },
  pipeline_open_stage: {
    'zh-CN': '至少要有一个进行中的阶段',
    'zh-TW': '至少要有一個進行中的階段',
    en: 'At least one open stage is needed',
  },
  stage_won_100: { 'zh-CN': '赢单阶段的赢率是 100%', 'zh-TW': '贏單階段的贏率是 100%', en: 'The won stage is 100%' },
  stage_lost_0: { 'zh-CN': '输单阶段的赢率是 0%', 'zh-TW': '輸單階段的贏率是 0%', en: 'The lost stage is 0%' },
  stage_range: {
    'zh-CN': '默认赢率要在允许的范围内',
    'zh-TW': '預設贏率要在允許的範圍內',
    en: 'The default must lie within the allowed range',
  },
  stage_kind_fixed: {
    'zh-CN': '已有阶段的类型不能改，请新增一个阶段',
    'zh-TW': '已有階段的類型不能改，請新增一個階段',
    en: 'An existing stage keeps its kind; add a new stage instead',
  },
  pipeline_default_active: {
    'zh-CN': '默认流程不能停用，请先把别的流程设为默认',
    'zh-TW': '預設流程不能停用，請先把別的流程設為預設',
    en: 'The default pipeline cannot be switched off; make another one the default first',
  },
  file_too_large: { 'zh-CN': '最大 {max}', 'zh-TW': '最大 {max}', en: 'At most {max}' },
  file_type: { 'zh-CN': '只接受 {types}', 'zh-TW': '只接受 {types}', en: 'Only {types}' },
  file_empty: { 'zh-CN': '文件是空的', 'zh-TW': '檔案是空的', en: 'The file is empty' },
  has_dependants: { 'zh-CN': '还有 {list}', 'zh-TW': '還有 {list}', en: 'Still has {list}' },
  not_negative: { 'zh-CN': '不能是负数', 'zh-TW': '不能是負數', en: 'Cannot be negative' },
  percent: {
    'zh-CN': '请输入 0–100 之间的数，最多两位小数',
    'zh-TW': '請輸入 0–100 之間的數，最多兩位小數',
    en: 'Enter a number from 0 to 100 with at most two decimals',
  },
  quantity: {
    'zh-CN': '请输入大于 0 的数量，最多两位小数',
    'zh-TW': '請輸入大於 0 的數量，最多兩位小數',
    en: 'Enter a quantity above 0 with at most two decimals',
  },
  category_cycle: {
    'zh-CN': '上级分类不能是它自己或它的下级分类',
    'zh-TW': '上級分類不能是它自己或它的下級分類',
    en: 'A category cannot sit under itself or its own sub-category',
  },
  bundle_component: {
    'zh-CN': '套餐里只能放普通产品，不能放套餐或它自己',
    'zh-TW': '套餐裡只能放一般產品，不能放套餐或它自己',
    en: 'A bundle holds plain products only, not bundles or itself',
  },
  bundle_price: {
    'zh-CN': '套餐的标准售价按明细自动合计，不用填',
    'zh-TW': '套餐的標準售價按明細自動合計，不用填',
    en: 'A bundle’s list price is the sum of its lines',
  },
  product_kind_fixed: {
    'zh-CN': '产品和套餐不能互相转换，请新建一个',
    'zh-TW': '產品和套餐不能互相轉換，請新建一個',
    en: 'A product cannot become a bundle or the other way round; create a new one',
  },
  import_category_missing: {
    'zh-CN': '找不到这个产品分类',
    'zh-TW': '找不到這個產品分類',
    en: 'No product category of that name',
  },
  import_category_ambiguous: {
    'zh-CN': '有多个同名的产品分类，请先改名区分',
    'zh-TW': '有多個同名的產品分類，請先改名區分',
    en: 'Several product categories have that name; rename them first',
  },
  cost_hidden: {
    'zh-CN': '您没有查看成本的权限，不能填写成本价',
    'zh-TW': '您沒有查看成本的權限，不能填寫成本價',
    en: 'You may not see cost prices, so you cannot set them',
  },
  password: {
    'zh-CN': '至少 8 位，须含字母和数字',
    'zh-TW': '至少 8 位，須含字母和數字',
    en: 'At least 8 characters with letters and digits',
  },
} satisfies Catalogue;
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

/** A parameter may itself come in the three languages (an entity's label, a list of counts). */
const isLocalised = (v: unknown): v is Record<Locale, string> => typeof v === 'object' && v !== null && 'zh-CN' in v && 'en' in v;
const inLocale = (params: Record<string, unknown> | undefined, locale: Locale) =>
  params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isLocalised(v) ? v[locale] : v]));

export function translate(key: MessageKey, locale: Locale, params?: Record<string, unknown>): string {
  return format(MESSAGES[key][locale], inLocale(params, locale));
}

export function translateField(key: FieldMessageKey, locale: Locale, params?: Record<string, unknown>): string {
  return format(FIELD_MESSAGES[key][locale], inLocale(params, locale));
}

export function pickLocale(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const h = header.toLowerCase();
  if (h.startsWith('en')) return 'en';
  if (h.startsWith('zh-tw') || h.startsWith('zh-hk') || h.startsWith('zh-hant')) return 'zh-TW';
  return 'zh-CN';
}
