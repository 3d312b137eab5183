import { Typography } from 'antd';

/** The small print under a report: how its figures are counted. */
export function Hint({ children }: { children: string }) {
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
      {children}
    </Typography.Paragraph>
  );
}
