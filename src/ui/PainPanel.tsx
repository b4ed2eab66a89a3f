/** One patient's pain visit panel: the store, mapped to props by usePanelProps, drawn by PanelView. */
import { PanelView } from './PanelView.tsx';
import { usePanelProps } from './usePanelProps.ts';

export function PainPanel() {
  return <PanelView {...usePanelProps()} />;
}
