import { DeleteOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { type Expense, reloadExpense, useDeleteExpense, useExpenseStep } from './api.js';
import { ExpenseFormDrawer } from './expense-form.js';

/**
 * Only what the server allows now (`can.*`): a draft or rejected claim is edited, (re)submitted or
 * deleted. A claim in approval is withdrawn from its approval panel (with its confirmation).
 */
export function ExpenseActions({ expense: e }: { expense: Expense }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const step = useExpenseStep();
  const del = useDeleteExpense();
  const [editing, setEditing] = useState(false);

  const submit = async () => {
    try {
      await step.mutateAsync({ id: e.id, path: 'submit', version: e.version });
      message.success(t('detail.submitted'));
    } catch (err) {
      if (isVersionConflict(err)) conflict(() => void reloadExpense(qc, e.id));
      else message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Space wrap>
      {e.can.edit && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="expense-edit">
          {t('detail.edit')}
        </Button>
      )}
      {e.can.submit && (
        <Button
          type="primary"
          icon={<UploadOutlined />}
          loading={step.isPending}
          onClick={() => void submit()}
          data-testid="expense-submit"
        >
          {e.status === 'rejected' ? t('detail.resubmit') : t('detail.submit')}
        </Button>
      )}
      {e.can.delete && (
        <Popconfirm
          title={t('detail.deleteConfirm', { number: e.number })}
          okText={t('detail.delete')}
          okButtonProps={{ danger: true, loading: del.isPending }}
          placement="bottomRight"
          onConfirm={async () => {
            try {
              await del.mutateAsync(e.id);
              message.success(t('detail.deleted'));
              navigate('/expenses');
            } catch (err) {
              message.error(err instanceof Error ? err.message : String(err));
            }
          }}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="expense-delete">
            {t('detail.delete')}
          </Button>
        </Popconfirm>
      )}
      <ExpenseFormDrawer open={editing} expense={e} onClose={() => setEditing(false)} />
    </Space>
  );
}
