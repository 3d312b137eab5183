import { DeleteOutlined, EditOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { type Expense, reloadExpense, useDeleteExpense, useExpenseStep } from './api.js';
import { ExpenseFormDrawer } from './expense-form.js';

/** Only what the server allows now (`can.*`): a draft or rejected claim is edited, (re)submitted or deleted; the submitter withdraws one in approval. */
export function ExpenseActions({ expense: e }: { expense: Expense }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const { me } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const step = useExpenseStep();
  const del = useDeleteExpense();
  const [editing, setEditing] = useState(false);

  const run = async (path: 'submit' | 'withdraw') => {
    try {
      await step.mutateAsync({ id: e.id, path, version: e.version });
      message.success(t(path === 'submit' ? 'detail.submitted' : 'detail.withdrawn'));
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
          onClick={() => void run('submit')}
          data-testid="expense-submit"
        >
          {e.status === 'rejected' ? t('detail.resubmit') : t('detail.submit')}
        </Button>
      )}
      {e.status === 'in_approval' && e.ownerId === me?.id && (
        <Popconfirm
          title={t('detail.withdrawConfirm')}
          okText={t('detail.withdraw')}
          placement="bottomRight"
          onConfirm={() => run('withdraw')}
        >
          <Button icon={<RollbackOutlined />} loading={step.isPending} data-testid="expense-withdraw">
            {t('detail.withdraw')}
          </Button>
        </Popconfirm>
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
