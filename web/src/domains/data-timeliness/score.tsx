import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 80 and up green, 60 and up orange, below red. */
export const scoreColor = (score: number) => (score >= 80 ? '#52c41a' : score >= 60 ? '#fa8c16' : '#f5222d');

export function ScoreTag({ score }: { score: number | null }) {
  const { t } = useTranslation('dataTimeliness');
  if (score === null) return <Typography.Text type="secondary">{t('noScore')}</Typography.Text>;
  return (
    <Tag color={scoreColor(score)} style={{ marginInlineEnd: 0, minWidth: 40, textAlign: 'center' }}>
      {score}
    </Tag>
  );
}

export function ScoreDial({ score, size = 120 }: { score: number | null; size?: number }) {
  const { t } = useTranslation('dataTimeliness');
  return (
    <Progress
      type="dashboard"
      size={size}
      percent={score ?? 0}
      strokeColor={score === null ? undefined : scoreColor(score)}
      format={() => (score === null ? t('noScore') : score)}
    />
  );
}

/** "bad / total", red when there is anything bad. */
export function Ratio({ f }: { f: { bad: number; total: number } }) {
  return (
    <Typography.Text type={f.bad > 0 ? 'danger' : 'secondary'}>
      {f.bad} / {f.total}
    </Typography.Text>
  );
}
