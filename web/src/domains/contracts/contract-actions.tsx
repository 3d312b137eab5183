import { DeleteOutlined, EditOutlined, FileAddOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.js';
import { useNavigate } from 'react-router-dom';
import { isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { type Contract, reloadContract, useContractStep, useDeleteContract } from './api.js';
import { AmendmentDrawer } from './contract-amendments.js';
import { EndContractModal } from './contract-modals.js';

/**
 * Only the buttons the server allows now (`can.*`): a draft is edited, submitted or deleted; an
 * effective contract has no edit button at all — it changes by 补充协议 or ends by 终止 / 作废.
 */
export function ContractActions({ contract: c }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const step = useContractStep();
  const del = useDeleteContract();
  const [amending, setAmending] = useState(false);
  const [ending, setEnding] = useState(false);

  const submit = async () => {
    try {
      await step.mutateAsync({ id: c.id, path: 'submit', body: { version: c.version } });
      message.success(t('detail.submitted'));
    } catch (e) {
      if (isVersionConflict(e)) conflict(() => void reloadContract(qc, c.id));
      // Over the credit limit: a sentence with four amounts, to be read, not a toast that fades.
      else if (e instanceof ApiError && e.code === 'CREDIT_LIMIT_EXCEEDED')
        modal.warning({ title: t('detail.creditStopped'), content: e.message });
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space wrap>
      {c.can.edit && (
        <Button icon={<EditOutlined />} onClick={() => navigate(`/contracts/${c.id}/edit`)} data-testid="contract-edit">
          {t('detail.edit')}
        </Button>
      )}
      {c.can.submit && (
        <Button
          type="primary"
          icon={<UploadOutlined />}
          loading={step.isPending}
          onClick={() => void submit()}
          data-testid="contract-submit"
        >
          {t('detail.submit')}
        </Button>
      )}
      {c.can.amend && (
        <Button icon={<FileAddOutlined />} onClick={() => setAmending(true)} data-testid="contract-amend">
          {t('detail.amend')}
        </Button>
      )}
      {c.can.end && (
        <Button danger icon={<StopOutlined />} onClick={() => setEnding(true)} data-testid="contract-end">
          {t('detail.end')}
        </Button>
      )}
      {c.can.delete && (
        <Popconfirm
          title={t('detail.deleteConfirm', { number: c.number })}
          okText={t('detail.delete')}
          okButtonProps={{ danger: true, loading: del.isPending }}
          placement="bottomRight"
          onConfirm={async () => {
            try {
              await del.mutateAsync(c.id);
              message.success(t('detail.deleted'));
              navigate('/contracts');
            } catch (e) {
              message.error(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="contract-delete">
            {t('detail.delete')}
          </Button>
        </Popconfirm>
      )}
      {c.can.amend && <AmendmentDrawer contract={c} open={amending} onClose={() => setAmending(false)} />}
      {c.can.end && <EndContractModal contract={c} open={ending} onClose={() => setEnding(false)} />}
    </Space>
  );
}
