// The function-permission catalogue (P2), shared by server checks and the role editor.
export const MODULES = [
  'leads',
  'customers',
  'opportunities',
  'contacts',
  'follow_ups',
  'tasks',
  'visit_plans',
  'notes',
  'users',
  'departments',
  'roles',
  'picklists',
  'recycle_bin',
  'purchasing',
  'products',
  // Field permission (Q1): cost price and gross margin. Without product_costs:view no route, export
  // or report returns them at all.
  'product_costs',
  'quotes',
  'contracts',
  'approval_flows',
  // M1 回款: payment plans and payments received; approve = finance confirms money as received.
  'receivables',
  // M3 信用额度: view a customer's limit and exposure; edit = set the limit (finance).
  'credit_limits',
  // M2 销售订单与发货: edit covers recording and undoing deliveries; approve decides orders under a flow.
  'orders',
  // M4 费用: expense claims; approve = approve claims routed to you; a rep sees his own by scope.
  'expenses',
  // T1/T2 销售目标: view = attainment in one's scope; create/edit = set and split targets; approve = reopen a locked target.
  'targets',
] as const;
export type Module = (typeof MODULES)[number];

export const ACTIONS = ['view', 'create', 'edit', 'delete', 'export', 'approve'] as const;
export type Action = (typeof ACTIONS)[number];

type Permission = `${Module}:${Action}` | '*';

export const DATA_SCOPES = ['own', 'department', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

const crud = (m: Module, extra: Action[] = []): Permission[] => [
  `${m}:view`,
  `${m}:create`,
  `${m}:edit`,
  `${m}:delete`,
  ...extra.map((a) => `${m}:${a}` as Permission),
];
const viewOnly = (...ms: Module[]): Permission[] => ms.map((m) => `${m}:view` as Permission);

export interface BuiltInRole {
  key: string;
  name: string;
  dataScope: DataScope;
  permissions: Permission[];
}

export const BUILT_IN_ROLES: BuiltInRole[] = [
  { key: 'admin', name: '管理员', dataScope: 'all', permissions: ['*'] },
  {
    key: 'director',
    name: '销售总监',
    dataScope: 'all',
    permissions: [
      ...crud('leads', ['export']),
      ...crud('customers', ['export', 'approve']),
      ...crud('opportunities', ['export']),
      ...crud('contacts', ['export']),
      ...crud('follow_ups', ['export']),
      ...crud('tasks'),
      ...crud('visit_plans'),
      ...crud('notes'),
      ...viewOnly('users', 'departments', 'products', 'product_costs'),
      ...crud('quotes', ['export', 'approve']),
      ...crud('contracts', ['export', 'approve']),
      'receivables:view',
      'receivables:export',
      'credit_limits:view',
      'credit_limits:edit',
      ...crud('orders', ['export', 'approve']),
      ...crud('expenses', ['export', 'approve']),
      ...crud('targets', ['export']),
    ],
  },
  {
    key: 'manager',
    name: '销售经理',
    dataScope: 'department',
    permissions: [
      ...crud('leads', ['export']),
      ...crud('customers', ['export', 'approve']),
      ...crud('opportunities', ['export']),
      ...crud('contacts', ['export']),
      ...crud('follow_ups', ['export']),
      ...crud('tasks'),
      ...crud('visit_plans'),
      ...crud('notes'),
      ...viewOnly('users', 'departments', 'products', 'product_costs'),
      ...crud('quotes', ['export', 'approve']),
      ...crud('contracts', ['export', 'approve']),
      'receivables:view',
      'receivables:export',
      'credit_limits:view',
      ...crud('orders', ['export', 'approve']),
      ...crud('expenses', ['export', 'approve']),
      ...crud('targets', ['export']),
    ],
  },
  {
    key: 'rep',
    name: '销售',
    dataScope: 'own',
    permissions: [
      ...crud('leads'),
      ...crud('customers'),
      ...crud('opportunities'),
      ...crud('contacts'),
      ...crud('follow_ups'),
      ...crud('tasks'),
      ...crud('visit_plans'),
      ...crud('notes'),
      ...viewOnly('products'),
      ...crud('quotes'),
      ...crud('contracts'),
      'receivables:view',
      'receivables:create',
      'credit_limits:view',
      ...crud('orders'),
      // A rep files and exports his own claims (scope own).
      ...crud('expenses', ['export']),
      'targets:view',
    ],
  },
  {
    key: 'finance',
    name: '财务',
    dataScope: 'all',
    permissions: [
      ...viewOnly('customers', 'contacts', 'follow_ups', 'opportunities', 'users', 'departments'),
      'customers:export',
      'customers:approve',
      ...viewOnly('products', 'product_costs', 'quotes'),
      'contracts:view',
      'contracts:export',
      'contracts:approve',
      'receivables:view',
      'receivables:create',
      'receivables:edit',
      'receivables:delete',
      'receivables:approve',
      'receivables:export',
      'credit_limits:view',
      'credit_limits:edit',
      'orders:view',
      'orders:export',
      'orders:approve',
      'expenses:view',
      'expenses:export',
      'expenses:approve',
    ],
  },
  {
    key: 'legal',
    name: '法务',
    dataScope: 'all',
    permissions: [
      ...viewOnly('customers', 'contacts', 'follow_ups', 'opportunities', 'products', 'quotes'),
      'customers:approve',
      'contracts:view',
      'contracts:approve',
    ],
  },
  {
    key: 'project_manager',
    name: '项目经理',
    dataScope: 'department',
    permissions: [...viewOnly('customers', 'contacts', 'follow_ups', 'products', 'quotes'), 'contracts:view', 'contracts:approve'],
  },
  {
    key: 'purchasing',
    name: '采购',
    dataScope: 'all',
    permissions: [...crud('purchasing'), ...viewOnly('customers'), ...crud('products', ['export']), 'product_costs:view'],
  },
];

export function hasPermission(granted: readonly string[], module: Module, action: Action): boolean {
  return granted.includes('*') || granted.includes(`${module}:${action}`);
}
