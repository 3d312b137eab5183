import { Card, Col, Empty, List, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../shared/filter-bar.js';
import { PageHeader } from '../../shared/page-header.js';
import { useSearch } from './api.js';

/** C11: everything the user may see that matches, grouped by kind. */
export function SearchPage() {
  const { t } = useTranslation('search');
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const { data, isLoading, isError, error, refetch } = useSearch(q, { limit: 20 });
  const short = [...q.trim()].length < 2;
  return (
    <>
      <PageHeader title={t('title')} sub={short ? t('tooShort') : t('resultsFor', { q })} />
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      {!short && isLoading && <Skeleton active />}
      {!short && data && data.groups.length === 0 && (
        <Card variant="borderless">
          <Empty description={t('none', { q })} />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        {data?.groups.map((g) => (
          <Col key={g.type} xs={24} lg={12}>
            <Card variant="borderless" title={`${t(`type.${g.type}`, { defaultValue: g.type })}（${g.hits.length}${g.more ? '+' : ''}）`}>
              <List
                dataSource={g.hits}
                renderItem={(h) => (
                  <List.Item>
                    <List.Item.Meta
                      title={<Link to={h.link}>{h.title}</Link>}
                      description={h.subtitle && <Typography.Text type="secondary">{h.subtitle}</Typography.Text>}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
