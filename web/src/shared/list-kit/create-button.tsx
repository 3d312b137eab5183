import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/** A list's "新建…" action: shown in the header and again in the empty list. */
export interface CreateAction {
  label: string;
  onClick: () => void;
  /** Usually `can(module, 'create')`. */
  allowed: boolean;
  /** Only the header's button carries it, so a story finds exactly one. */
  testId?: string;
}

export function CreateButton({ action, withTestId = false }: { action: CreateAction; withTestId?: boolean }) {
  if (!action.allowed) return null;
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={action.onClick} data-testid={withTestId ? action.testId : undefined}>
      {action.label}
    </Button>
  );
}
