import { Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePicklist } from '../../shared/use-picklist.js';

/** Moving a deal to a lost stage asks why (O1 closed-lost reason), from the board or the detail page. */
export function LostModal({
  open,
  name,
  pending,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  name?: string;
  pending?: boolean;
  onCancel: () => void;
  onConfirm: (v: { lostReason: string; lostNote: string | null }) => void;
}) {
  const { t } = useTranslation('opportunities');
  const reasons = usePicklist('lost_reason');
  const [form] = Form.useForm<{ lostReason: string; lostNote?: string }>();
  return (
    <Modal
      open={open}
      title={name ? `${t('lost.title')}：${name}` : t('lost.title')}
      okText={t('lost.confirm')}
      okButtonProps={{ danger: true, loading: pending }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('lost.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => onConfirm({ lostReason: v.lostReason, lostNote: v.lostNote?.trim() || null })}
      >
        <Form.Item name="lostReason" label={t('fields.lostReason')} rules={[{ required: true }]}>
          <Select options={reasons.options} data-testid="lost-reason" />
        </Form.Item>
        <Form.Item name="lostNote" label={t('fields.lostNote')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} placeholder="如：客户最终选了××，对方报价低 12%" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
