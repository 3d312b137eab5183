import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { companyTime, isBusinessDate } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import type { DailySectionResult } from './api.js';

const tally = (s: DailySectionResult) => (s.tally === 'done' ? `${s.done}/${s.count}` : String(s.count));

/** The sections of a day that have something in them, as cards; the empty ones named in one line below. */
export function DaySections({ sections }: { sections: DailySectionResult[] }) {
  const { t } = useTranslation('dailyReports');
  const filled = sections.filter((s) => s.count > 0);
  const empty = sections.filter((s) => s.count === 0);
  return (
    <>
      <Row gutter={[12, 12]}>
        {filled.map((s) => (
          <Col key={s.key} xs={24} lg={12} data-testid={`daily-section-${s.key}`}>
            <Card
              size="small"
              title={
                <Space size={8}>
                  <span>{s.title}</span>
                  <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                    {tally(s)}
                  </Tag>
                  {s.money && s.amount && <Typography.Text type="secondary">{formatMoney(s.amount)}</Typography.Text>}
                </Space>
              }
            >
              {s.items.map((i) => (
                <div key={i.id} className="daily-item">
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <span style={{ minWidth: 0 }}>
                      {i.done === false && (
                        <Tag color="orange" style={{ marginInlineEnd: 6 }}>
                          {t('mine.openPlan')}
                        </Tag>
                      )}
                      {i.link ? <Link to={i.link}>{i.title}</Link> : i.title}
                    </span>
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                      {i.amount ? formatMoney(i.amount) : i.at && !isBusinessDate(i.at) ? companyTime(i.at) : ''}
                    </Typography.Text>
                  </div>
                  {i.detail && (
                    <Typography.Paragraph
                      type="secondary"
                      style={{ margin: '2px 0 0', fontSize: 13, whiteSpace: 'pre-wrap' }}
                      ellipsis={{ rows: 3, expandable: true }}
                    >
                      {i.detail}
                    </Typography.Paragraph>
                  )}
                </div>
              ))}
            </Card>
          </Col>
        ))}
      </Row>
      {empty.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {empty.map((s) => `${s.title}：${t('mine.emptySection')}`).join('　')}
        </Typography.Paragraph>
      )}
    </>
  );
}
