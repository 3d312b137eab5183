import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** The columns every business table shares (see record-store.ts). */
export interface RecordBaseColumns {
  id: Generated<string>;
  owner_id: string;
  owner_dept_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
  deleted_at: NullableTimestamp;
  deleted_by: string | null;
}

export interface DepartmentTable {
  id: Generated<string>;
  name: string;
  parent_id: string | null;
  manager_id: string | null;
  sort_order: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  deleted_at: NullableTimestamp;
}

export interface RoleTable {
  id: Generated<string>;
  key: string;
  name: string;
  built_in: Generated<boolean>;
  data_scope: 'own' | 'department' | 'all';
  permissions: JSONColumnType<string[], string, string>;
  offered_permissions: JSONColumnType<string[] | null, string | null, string | null>;
  max_discount_pct: string | null;
  /** P6: members must sign in with TOTP (migration 0063). */
  require_totp: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  mobile: string | null;
  password_hash: string;
  department_id: string | null;
  active: Generated<boolean>;
  locale: Generated<string>;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  password_changed_at: Timestamp;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface UserRoleTable {
  user_id: string;
  role_id: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailureTable {
  key: string;
  failures: Generated<number>;
  first_failed_at: Timestamp;
  locked_until: NullableTimestamp;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface RecordHistoryTable {
  id: Generated<number>;
  entity: string;
  record_id: string;
  action: string;
  field: string | null;
  old_value: ColumnType<unknown, string | null, string | null>;
  new_value: ColumnType<unknown, string | null, string | null>;
  actor_id: string | null;
  request_id: string | null;
  at: Timestamp;
}

export interface PicklistValueTable {
  id: Generated<string>;
  list: string;
  code: string;
  label_zh_cn: string;
  label_zh_tw: string;
  label_en: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

declare module './database.js' {
  interface Tables {
    departments: DepartmentTable;
    roles: RoleTable;
    users: UserTable;
    user_roles: UserRoleTable;
    sessions: SessionTable;
    login_failures: LoginFailureTable;
    api_tokens: ApiTokenTable;
    record_history: RecordHistoryTable;
    picklist_values: PicklistValueTable;
    app_settings: AppSettingTable;
  }
}
