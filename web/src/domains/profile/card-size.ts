import { Grid } from 'antd';

/** Cards pad less on phones, so forms and tables keep their width. */
export function useCardSize(): 'small' | undefined {
  return Grid.useBreakpoint().md ? undefined : 'small';
}
