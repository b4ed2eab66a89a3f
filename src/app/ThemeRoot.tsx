/**
 * The app's theme provider. Material's own ThemeProvider also bundles the CSS-variables provider (colour-scheme
 * storage, the init script), which a theme without `colorSchemes` never uses; that is about 5 kB gzip on the first
 * paint. This is what Material's provider renders for such a theme: the system provider with `vars` set to null.
 */
import type { ReactNode } from 'react';
import { ThemeProvider as SystemThemeProvider } from '@mui/system';
import { theme } from './theme.ts';

// `vars: null` as Material sets it for a theme without CSS variables (no inheritance from an outer CSS-vars theme).
const noVarsTheme = { ...theme, vars: null };

export function ThemeRoot({ children }: { children: ReactNode }) {
  return <SystemThemeProvider theme={noVarsTheme}>{children}</SystemThemeProvider>;
}
