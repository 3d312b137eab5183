import { EditOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';

const COLORS: Record<string, string> = { A: 'red', B: 'orange', C: 'blue' };

/** A customer's grade as a coloured tag: A stands out, D stays quiet; a hand-set grade says so. */
export function GradeTag({ grade, label, manual }: { grade: string; label: string; manual?: string }) {
  const color = COLORS[grade];
  const tag = (
    <Tag color={color} variant={color ? 'filled' : 'outlined'} style={{ fontWeight: 'normal', marginInlineEnd: 0 }}>
      {label}
      {manual && <EditOutlined style={{ marginInlineStart: 4, fontSize: 11 }} />}
    </Tag>
  );
  return manual ? <Tooltip title={manual}>{tag}</Tooltip> : tag;
}
