import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/** A list's "新建…" action: shown in the header and again in the empty list. */
export interface CreateAction {
  label: string;
  onClick: () => void;
  /** Usually `can(module, 'create')`. */
  allowed: boolean;
}

/** Only the header's button has a test id (`<name>-new`), so a story finds exactly one. */
export function CreateButton({ action, testId }: { action: CreateAction; testId?: string }) {
  if (!action.allowed) return null;
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={action.onClick} data-testid={testId}>
      {action.label}
    </Button>
  );
}
