import { LIMITS } from '@contracts/common.js';
import { Alert, App, Button, Card, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DailyDay, useSaveNotes } from './api.js';

/** The one thing a rep types into his report: a comment on the day and the plan for tomorrow (shown on tomorrow's report). */
export function NotesEditor({ report }: { report: DailyDay }) {
  const { t } = useTranslation('dailyReports');
  const { message } = App.useApp();
  const save = useSaveNotes();
  const [comment, setComment] = useState(report.comment ?? '');
  const [plan, setPlan] = useState(report.plan ?? '');
  // Another day (or another rep) loaded: show what is stored for it.
  useEffect(() => {
    setComment(report.comment ?? '');
    setPlan(report.plan ?? '');
  }, [report.comment, report.plan]);
  const changed = comment !== (report.comment ?? '') || plan !== (report.plan ?? '');

  const submit = async () => {
    try {
      await save.mutateAsync({ day: report.day, comment: comment || null, plan: plan || null });
      message.success(t('mine.saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card size="small" title={t('mine.notes')}>
      <Typography.Text strong>{t('mine.previousPlan')}</Typography.Text>
      <Typography.Paragraph type={report.previousPlan ? undefined : 'secondary'} style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
        {report.previousPlan ?? t('mine.noPreviousPlan')}
      </Typography.Paragraph>
      {report.editable ? (
        <>
          <label htmlFor="daily-comment">
            <Typography.Text strong>{t('mine.comment')}</Typography.Text>
          </label>
          <Input.TextArea
            id="daily-comment"
            data-testid="daily-comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('mine.commentPlaceholder')}
            maxLength={LIMITS.text}
            autoSize={{ minRows: 3, maxRows: 10 }}
            style={{ margin: '4px 0 12px' }}
          />
          <label htmlFor="daily-plan">
            <Typography.Text strong>{t('mine.plan')}</Typography.Text>
          </label>
          <Input.TextArea
            id="daily-plan"
            data-testid="daily-plan"
            value={plan}
            onChange={(e) => setPlan(e.target.value)}
            placeholder={t('mine.planPlaceholder')}
            maxLength={LIMITS.text}
            autoSize={{ minRows: 3, maxRows: 10 }}
            style={{ margin: '4px 0 12px' }}
          />
          <Button type="primary" onClick={submit} loading={save.isPending} disabled={!changed} data-testid="daily-notes-save">
            {t('common:actions.save')}
          </Button>
        </>
      ) : (
        <>
          <Typography.Text strong>{t('mine.comment')}</Typography.Text>
          <Typography.Paragraph type={report.comment ? undefined : 'secondary'} style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
            {report.comment ?? '—'}
          </Typography.Paragraph>
          <Typography.Text strong>{t('mine.plan')}</Typography.Text>
          <Typography.Paragraph type={report.plan ? undefined : 'secondary'} style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
            {report.plan ?? '—'}
          </Typography.Paragraph>
          <Alert type="info" showIcon message={t('mine.readOnly')} />
        </>
      )}
    </Card>
  );
}
