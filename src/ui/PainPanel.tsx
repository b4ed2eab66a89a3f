/** One patient's pain visit panel: the store, mapped to props by usePanelProps, drawn by PanelView. */
import { PanelView } from './PanelView.tsx';
import { useDayRollover } from './useDayRollover.ts';
import { usePanelProps } from './usePanelProps.ts';

export function PainPanel() {
  useDayRollover();
  return <PanelView {...usePanelProps()} />;
}
