import { FileExcelOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { type DashboardCard, useDashboardCards } from '../../app/dashboard-cards.js';
import { companyTime, formatDay, formatDateTime } from '../../shared/dates.js';
import { LoadError } from '../../shared/filter-bar.js';
import { PageHeader } from '../../shared/page-header.js';
import { dashboardXlsxUrl, useDashboard } from './api.js';
import './dashboard.css';

const SPAN = { small: 8, medium: 12, large: 24 } as const;

/** Charts follow their container's size; give them a moment to settle in the print layout before the dialog. */
const PRINT_SETTLE_MS = 400;

function greetingKey(time: string): 'morning' | 'afternoon' | 'evening' {
  const hour = Number(time.slice(0, 2));
  return hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
}

function DashboardCardFrame({ card, data }: { card: DashboardCard; data: unknown }) {
  const { t } = useTranslation();
  const link = typeof card.link === 'function' ? card.link(data) : card.link;
  return (
    <Card
      size="small"
      className="dashboard-card"
      title={t(card.title)}
      extra={link && <Link to={link}>{t('dashboard:more')}</Link>}
      data-testid={`dashboard-card-${card.key}`}
    >
      <card.Component data={data} />
    </Card>
  );
}

/**
 * T4 工作台: the cards of the user's role (a rep's day, a manager's team), each drawn from its figures
 * in one answer of GET /dashboard; a card the server sends no figures for is absent. Export to
 * Excel (one sheet per card) and print (cards two by two, no menu).
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation('dashboard');
  const { me } = useAuth();
  const cards = useDashboardCards();
  const { data, isLoading, isFetching, isError, error, refetch } = useDashboard();
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    if (!printing) return;
    document.body.classList.add('dashboard-printing');
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    const timer = window.setTimeout(() => window.print(), PRINT_SETTLE_MS);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('afterprint', done);
      document.body.classList.remove('dashboard-printing');
    };
  }, [printing]);

  const figures = new Map((data?.cards ?? []).map((c) => [c.key, c.data]));
  const shown = cards.filter((c) => figures.has(c.key));
  const now = new Date().toISOString();
  const name = me?.displayName ?? '';

  return (
    <div className="dashboard-page">
      <PageHeader
        title={t(`greeting.${greetingKey(companyTime(now))}`, { name })}
        sub={
          data
            ? t('today', {
                date: formatDay(data.today, i18n.language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }),
              })
            : t('title')
        }
        extra={
          <Space wrap className="dashboard-actions">
            <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
              {t('actions.refresh')}
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => window.location.assign(dashboardXlsxUrl)} data-testid="dashboard-export">
              {t('actions.export')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} data-testid="dashboard-print">
              {t('actions.print')}
            </Button>
          </Space>
        }
      />
      <div className="dashboard-printed-at">{t('printedAt', { time: formatDateTime(now, i18n.language) })}</div>
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      {isLoading ? (
        <Row gutter={[16, 16]}>
          {[0, 1, 2, 3].map((i) => (
            <Col key={i} xs={24} lg={12}>
              <Card size="small">
                <Skeleton active />
              </Card>
            </Col>
          ))}
        </Row>
      ) : shown.length === 0 && !isError ? (
        <Card>
          <Empty description={t('empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]} className="dashboard-grid" data-testid="dashboard-grid">
          {shown.map((card) => (
            <Col key={card.key} xs={24} lg={SPAN[card.size]} className={`dashboard-col dashboard-col-${card.size}`}>
              <DashboardCardFrame card={card} data={figures.get(card.key)} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
