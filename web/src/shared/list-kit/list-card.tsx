import { Card, Grid } from 'antd';
import type { ReactNode } from 'react';

/** The card that holds a list's tabs, filters and rows. */
export function ListCard({ tabs, children }: { tabs?: boolean; children: ReactNode }) {
  // At phone width the rows are cards themselves: a narrow frame leaves them the room.
  const phone = Grid.useBreakpoint().md === false;
  const padding = phone ? 12 : 24;
  return (
    <Card variant="borderless" styles={{ body: { padding, paddingTop: tabs ? 4 : padding, paddingBottom: phone ? padding : 8 } }}>
      {children}
    </Card>
  );
}
