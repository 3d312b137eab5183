import { Tag } from 'antd';

const COLORS: Record<string, string> = { A: 'red', B: 'orange', C: 'blue' };

/** A customer's grade as a coloured tag: A stands out, D stays quiet. */
export function GradeTag({ grade, label }: { grade: string; label: string }) {
  const color = COLORS[grade];
  return (
    <Tag color={color} variant={color ? 'filled' : 'outlined'} style={{ fontWeight: 'normal', marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
