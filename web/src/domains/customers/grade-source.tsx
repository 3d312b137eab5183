import { RobotOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { type Customer, customerKeys } from './api.js';

/** The grade on the customer page: where it came from, and for a hand-set one a way back to the rules (C7). */
export function GradeSource({ customer, label }: { customer: Customer; label: string }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const { can } = useAuth();
  const qc = useQueryClient();
  const handBack = useMutation({
    mutationFn: () => http.post<{ changed: number; evaluated: number }>(`/customers/${customer.id}/grade/auto`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
  const onHandBack = async () => {
    try {
      await handBack.mutateAsync();
      message.success(t('grading.handedBack'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  if (!customer.grade) return <span>—</span>;
  return (
    <Space size={6} wrap>
      <span>{label}</span>
      {customer.gradeSource === 'manual' ? (
        <>
          <Tag>{t('grading.manual')}</Tag>
          {can('customers', 'edit') && (
            <Popconfirm title={t('grading.handBack')} description={t('grading.manualHint')} onConfirm={onHandBack}>
              <Button size="small" type="link" icon={<RobotOutlined />} loading={handBack.isPending}>
                {t('grading.handBack')}
              </Button>
            </Popconfirm>
          )}
        </>
      ) : (
        customer.gradeSource === 'auto' && <Typography.Text type="secondary">{t('grading.auto')}</Typography.Text>
      )}
    </Space>
  );
}
