import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSearch } from './api.js';

/** The header's search box: grouped suggestions as you type, Enter for the full results page. */
export function SearchBox({ width = 280 }: { width?: number }) {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const { data } = useSearch(debounced, { limit: 4 });
  const options = (data?.groups ?? []).map((g) => ({
    label: <Typography.Text type="secondary">{t(`type.${g.type}`, { defaultValue: g.type })}</Typography.Text>,
    options: g.hits.map((h) => ({
      value: `${h.type}:${h.id}`,
      link: h.link,
      label: (
        <div>
          <div>{h.title}</div>
          {h.subtitle && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {h.subtitle}
            </Typography.Text>
          )}
        </div>
      ),
    })),
  }));
  const open = (q: string) => {
    if ([...q.trim()].length >= 2) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <AutoComplete
      value={text}
      options={[...debounced.trim()].length >= 2 ? options : []}
      onChange={setText}
      onSelect={(_, option) => {
        setText('');
        navigate((option as unknown as { link: string }).link);
      }}
      style={{ width }}
      popupMatchSelectWidth={360}
    >
      <Input
        prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
        placeholder={t('box')}
        allowClear
        onPressEnter={() => open(text)}
        data-testid="global-search"
      />
    </AutoComplete>
  );
}
