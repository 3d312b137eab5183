import { Alert, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { PageHeader } from '../../shared/page-header.js';
import { DelegationCard } from '../approvals/public.js';
import { NotificationPrefsCard } from '../notifications/public.js';
import { AccountCard } from './account-card.js';
import { ApiTokensCard } from './api-tokens-card.js';
import { PasswordCard } from './password-card.js';
import { SessionsCard } from './sessions-card.js';
import { TotpCard } from './totp-card.js';

/** P6: every user's own account, language, password, two-step verification and API tokens. */
export function ProfilePage() {
  const { t } = useTranslation('profile');
  const { me } = useAuth();
  // Until a required second factor is on, the server opens only the own account (/auth/*).
  const owesTotp = !!me?.totpRequiredByRole && !me.totpEnabled;
  return (
    <>
      <PageHeader title={t('title')} sub={t('sub')} />
      {owesTotp && <Alert type="warning" showIcon title={t('totpRequired')} style={{ marginBottom: 16 }} data-testid="totp-required" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <AccountCard />
        </Col>
        <Col xs={24} lg={12}>
          <PasswordCard />
        </Col>
        <Col xs={24}>
          <TotpCard />
        </Col>
        <Col xs={24}>
          <SessionsCard />
        </Col>
        {!owesTotp && (
          <>
            <Col xs={24}>
              <NotificationPrefsCard />
            </Col>
            <Col xs={24}>
              <DelegationCard />
            </Col>
            <Col xs={24}>
              <ApiTokensCard />
            </Col>
          </>
        )}
      </Row>
    </>
  );
}
