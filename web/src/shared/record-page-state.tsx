import { Button, Card, Result, Skeleton } from 'antd';
import type { ReactElement } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../app/api-client.js';

/**
 * What a record's page shows before it has the record: a skeleton while loading, a 404 with a way
 * back when the record is gone or not visible, the server's message otherwise. Render it while there
 * is no record.
 */
export function RecordPageState({
  isLoading,
  error,
  notFound,
  back,
}: {
  isLoading: boolean;
  error: unknown;
  notFound: string;
  back: { label: string; to: string };
}): ReactElement {
  const navigate = useNavigate();
  if (isLoading)
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return (
    <Card variant="borderless">
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '404' : (error as Error | null)?.message}
        subTitle={missing ? notFound : undefined}
        extra={<Button onClick={() => navigate(back.to)}>{back.label}</Button>}
      />
    </Card>
  );
}
