import type { Locale } from '@contracts/common.js';
import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { http } from './api-client.js';
import { useAuth } from './auth.js';
import { rememberLocale } from './locale.js';

const OPTIONS: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'zh-TW', label: '繁體中文' },
  { value: 'en', label: 'English' },
];

/** Switches the UI language and, when signed in, remembers it on the user's profile. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const { me } = useAuth();
  const qc = useQueryClient();
  const change = async (locale: Locale) => {
    rememberLocale(locale);
    await i18n.changeLanguage(locale);
    if (me) {
      const updated = await http.put('/auth/me/preferences', { locale });
      qc.setQueryData(['me'], updated);
    }
    // Server-translated labels (picklists, errors) follow the new language.
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  };
  return (
    <Select<Locale>
      data-testid="language-switch"
      size="small"
      variant="borderless"
      value={i18n.language as Locale}
      onChange={change}
      options={OPTIONS}
      suffixIcon={<GlobalOutlined />}
      style={{ width: 120 }}
      popupMatchSelectWidth={false}
    />
  );
}
