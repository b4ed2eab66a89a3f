/**
 * One panel section: a labelled region with its heading, its own loading / unavailable state, and an
 * error boundary so a crash in one section leaves the others on screen.
 */
import { Component, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import type { SectionStatus } from '../section-status.ts';
import { Placeholder } from './Placeholder.tsx';

interface Props {
  id: string;
  title: string;
  status: SectionStatus;
  /** Rendered only when the status is ready. */
  children: () => ReactNode;
  /** 'no-print' leaves the section out of the printed visit summary. */
  className?: string;
}

export function SectionBoundary({ id, title, status, children, className }: Props) {
  const headingId = `${id}-heading`;
  return (
    <Paper component="section" id={id} aria-labelledby={headingId} variant="outlined" className={['panel-section', className].filter(Boolean).join(' ')} sx={{ p: { xs: 1.5, sm: 2 }, scrollMarginTop: 8 }}>
      <Typography id={headingId} variant="h6" component="h2" gutterBottom tabIndex={-1} sx={{ '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' } }}>
        {title}
      </Typography>
      <CrashGuard title={title}>
        <StatusGate status={status} title={title} render={children} />
      </CrashGuard>
    </Paper>
  );
}

/** Loading / unavailable / warnings, then the content; also used inside a section for one part of it. */
export function StatusGate({ status, title, render }: { status: SectionStatus; title: string; render: () => ReactNode }) {
  if (status.state === 'loading') {
    return (
      <Box role="status" aria-live="polite">
        <Typography variant="body2">Loading {title.toLowerCase()}…</Typography>
        <Placeholder height={48} sx={{ mt: 1 }} />
      </Box>
    );
  }
  if (status.state === 'unavailable') {
    return <Alert severity="warning">Could not check — {status.reason}</Alert>;
  }
  return (
    <>
      {status.warnings.map((warning) => (
        <Alert key={warning} severity="info" sx={{ mb: 1 }}>
          {warning}
        </Alert>
      ))}
      {render()}
    </>
  );
}

class CrashGuard extends Component<{ title: string; children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return (
        <Alert severity="error">
          This section could not be shown because of a program error ({this.state.error.message}). The other sections are
          unaffected; please report this.
        </Alert>
      );
    }
    return this.props.children;
  }
}
