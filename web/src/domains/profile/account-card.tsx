import type { Locale } from '@contracts/common.js';
import type { Me } from '@contracts/auth.js';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Card, Descriptions, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { rememberLocale } from '../../app/locale.js';
import { departmentPath, useDepartments, useRoleLabel } from '../organisation/public.js';
import { useCardSize } from './card-size.js';

const LANGUAGES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'zh-TW', label: '繁體中文' },
  { value: 'en', label: 'English' },
];

export function AccountCard() {
  const { t, i18n } = useTranslation('profile');
  const { t: to } = useTranslation('organisation');
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const departments = useDepartments();
  const roleLabel = useRoleLabel();
  const [saving, setSaving] = useState(false);
  const size = useCardSize();
  if (!me) return null;

  // Same steps as the header's language switch: remember locally, switch, save on the profile.
  const changeLanguage = async (locale: Locale) => {
    setSaving(true);
    try {
      rememberLocale(locale);
      await i18n.changeLanguage(locale);
      const updated = await http.put<Me>('/auth/me/preferences', { locale });
      qc.setQueryData(['me'], updated);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      message.success(t('info.languageSaved'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const dept = departmentPath(departments.data?.items ?? [], me.departmentId);

  return (
    <Card size={size} title={t('info.title')} style={{ height: '100%' }} data-testid="profile-info">
      <Flex gap={16} align="center" style={{ marginBottom: 16 }}>
        <Avatar size={56} style={{ background: '#1677ff', fontSize: 24, flex: 'none' }}>
          {me.displayName.slice(0, 1)}
        </Avatar>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {me.displayName}
          </Typography.Title>
          <Typography.Text type="secondary">{me.username}</Typography.Text>
        </div>
      </Flex>
      <Descriptions
        column={1}
        size="small"
        styles={{ label: { width: 96 } }}
        items={[
          { key: 'username', label: t('info.username'), children: me.username },
          {
            key: 'department',
            label: t('info.department'),
            children: dept || <Typography.Text type="secondary">{t('info.noDepartment')}</Typography.Text>,
          },
          {
            key: 'roles',
            label: t('info.roles'),
            children: (
              <Flex wrap gap={4}>
                {me.roles.map((r) => (
                  <Tag key={r} color={r === 'admin' ? 'gold' : 'geekblue'} style={{ marginInlineEnd: 0 }}>
                    {roleLabel(r)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          { key: 'scope', label: t('info.scope'), children: to(`scopes.${me.scope}`) },
          {
            key: 'language',
            label: t('info.language'),
            children: (
              <div>
                <Select<Locale>
                  value={i18n.language as Locale}
                  options={LANGUAGES}
                  onChange={changeLanguage}
                  loading={saving}
                  style={{ width: 160 }}
                  data-testid="profile-language"
                />
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                  {t('info.languageHint')}
                </Typography.Text>
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
