import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <Typography.Title level={4}>{title}</Typography.Title>
        {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}
