import { Progress } from 'antd';

/** Usage of the limit as a bar: green below 80 %, orange up to the limit, red past it. */
export function CreditUsage({ usage, width }: { usage: string | null; width?: number }) {
  if (usage === null) return <Progress percent={100} status="exception" size="small" style={{ width }} />;
  const pct = Number(usage);
  const color = pct > 100 ? '#ff4d4f' : pct >= 80 ? '#fa8c16' : '#52c41a';
  return <Progress percent={Math.min(pct, 100)} format={() => `${usage}%`} strokeColor={color} size="small" style={{ width }} />;
}
