import { FOLLOW_UP_TYPES } from '@contracts/follow-ups.js';
import { EnvironmentOutlined, FileTextOutlined, MailOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpType } from './api.js';

/** How each way of following up looks everywhere: the form's switch, list tags and timeline dots. */
export const TYPE_META: Record<FollowUpType, { icon: ReactNode; color: string; tag: string }> = {
  call: { icon: <PhoneOutlined />, color: '#1677ff', tag: 'blue' },
  visit: { icon: <EnvironmentOutlined />, color: '#52c41a', tag: 'green' },
  meeting: { icon: <TeamOutlined />, color: '#722ed1', tag: 'purple' },
  email: { icon: <MailOutlined />, color: '#13c2c2', tag: 'cyan' },
  note: { icon: <FileTextOutlined />, color: '#8c8c8c', tag: 'default' },
};

export const isFollowUpType = (v: unknown): v is FollowUpType =>
  typeof v === 'string' && (FOLLOW_UP_TYPES as readonly string[]).includes(v);

export function FollowUpTypeTag({ type }: { type: FollowUpType }) {
  const { t } = useTranslation('followUps');
  const meta = TYPE_META[type];
  return (
    <Tag color={meta.tag} icon={meta.icon} style={{ marginInlineEnd: 0 }}>
      {t(`types.${type}`)}
    </Tag>
  );
}

/** The filter's options: each way of following up with its icon. */
export function useTypeOptions() {
  const { t } = useTranslation('followUps');
  return FOLLOW_UP_TYPES.map((type) => ({
    value: type,
    label: (
      <span>
        <span style={{ color: TYPE_META[type].color, marginInlineEnd: 6 }}>{TYPE_META[type].icon}</span>
        {t(`types.${type}`)}
      </span>
    ),
    text: t(`types.${type}`),
  }));
}
