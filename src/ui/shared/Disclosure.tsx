/**
 * "Why" on demand: a small button that shows or hides the details below it (aria-expanded/aria-controls),
 * keyboard-operable, hidden when printing.
 */
import { useId, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import { ExpandIcon } from './icons.tsx';
import { QuietButton } from './QuietButton.tsx';

export const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

export function useDisclosure(initial = false) {
  const [open, setOpen] = useState(initial);
  const id = useId();
  return { open, toggle: () => setOpen((o) => !o), setOpen, id };
}

interface ToggleProps {
  open: boolean;
  onToggle: () => void;
  controls: string;
  /** Visible text ("Why", "Show all 12"). */
  children: ReactNode;
  /** Accessible name when the visible text alone is ambiguous ("Why: PDMP check"). */
  label?: string;
}

export function DisclosureButton({ open, onToggle, controls, children, label }: ToggleProps) {
  return (
    <QuietButton
      className="no-print"
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      aria-label={label}
      onClick={onToggle}
      endIcon={<ExpandIcon sx={{ transform: open ? 'rotate(180deg)' : 'none' }} />}
      sx={{ whiteSpace: 'nowrap', alignSelf: 'start' }}
    >
      {children}
    </QuietButton>
  );
}

/** The region a DisclosureButton controls; rendered only when open. */
export function DisclosurePanel({ id, open, children }: { id: string; open: boolean; children: ReactNode }) {
  return open ? (
    <Box id={id} sx={{ mt: 0.5, mb: 1, pl: 1.5, borderLeft: 3, borderColor: 'divider' }}>
      {children}
    </Box>
  ) : null;
}
