import { Grid } from 'antd';

/** Below antd's md breakpoint (768 px) the layout turns into the phone layout. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
