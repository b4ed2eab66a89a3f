import { createTheme } from '@mui/material/styles';

/** Calm, high-contrast theme for an EHR iframe: compact spacing, system fonts, AA contrast on every status colour. */
export const theme = createTheme({
  palette: {
    primary: { main: '#1f5f99' },
    error: { main: '#b3261e' },
    warning: { main: '#8a5300' },
    success: { main: '#1e6b34' },
    background: { default: '#f6f8fa' },
  },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    h1: { fontSize: '1.35rem', fontWeight: 600 },
    h2: { fontSize: '1.1rem', fontWeight: 600 },
  },
  components: { MuiButton: { defaultProps: { disableElevation: true } } },
});
