/**
 * The Content-Security-Policy (and companion headers) of the built app, derived from its runtime configuration
 * (smart-config.json), so the allow-list the launch enforces and the origins the browser lets the app reach are one
 * list. The sandbox's app server sends these headers; a deployment prints them with
 *   npx tsx scripts/sandbox/csp.ts [dist/smart-config.json]
 * and pastes them into its web server (README "Security").
 *
 *   default-src 'self'                   anything not listed below: only the app's own files
 *   script-src 'self'                    no inline script, no eval, no third-party script (tokens live in sessionStorage)
 *   style-src 'self' 'unsafe-inline'     MUI/emotion inject <style> tags and style attributes at run time
 *   img-src 'self' data:                 the app's images and inline (data:) icons
 *   connect-src 'self' <issuers> <connectSources>   the FHIR servers of the allowed issuers (the app calls whichever launched it)
 *   worker-src 'self'                    the registry's Web Worker is one of the app's files
 *   object-src 'none'; base-uri 'self'; form-action 'self'
 *   frame-ancestors 'self' <frameAncestors>          the EHRs that may embed the app (clickjacking)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FRAME_ANCESTORS, DEFAULT_ISSUERS, parseOriginPattern, type SmartConfig } from '../../src/fhir/smart.ts';

type CspConfig = Pick<SmartConfig, 'issuers' | 'frameAncestors' | 'connectSources'>;

/**
 * An origin pattern (smart-config.json syntax) as a CSP source expression: scheme, host and port; the path is left
 * out (CSP ignores paths after redirects, and the launch's allow-list already checks them). Null when CSP cannot
 * express it: invalid patterns and IPv6 literals (CSP host-source has no IPv6 syntax).
 */
export function cspSource(pattern: string): string | null {
  const p = parseOriginPattern(pattern);
  if (!p || p.host.startsWith('[')) return null;
  const port = p.port === null ? '' : `:${p.port}`;
  return `${p.scheme}://${p.subdomains ? '*.' : ''}${p.host}${port}`;
}

function sources(patterns: readonly string[], what: string, warnings: string[]): string[] {
  const out: string[] = [];
  for (const pattern of patterns) {
    const source = cspSource(pattern);
    if (source === null) {
      warnings.push(parseOriginPattern(pattern)
        ? `${what}: ${pattern} cannot be written in CSP (IPv6 literal) — left out; use a host name such as localhost`
        : `${what}: ${pattern} is not a valid origin pattern — left out`);
    } else if (!out.includes(source)) out.push(source);
  }
  return out;
}

export function contentSecurityPolicy(config: CspConfig): { policy: string; warnings: string[] } {
  const warnings: string[] = [];
  const connect = sources([...(config.issuers ?? DEFAULT_ISSUERS), ...(config.connectSources ?? [])], 'connect-src', warnings);
  const ancestors = sources(config.frameAncestors ?? DEFAULT_FRAME_ANCESTORS, 'frame-ancestors', warnings);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...connect]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'self'", ...ancestors]],
  ];
  return { policy: directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; '), warnings };
}

/**
 * Every header the app's files should carry. No X-Frame-Options: it cannot name several EHR origins and
 * would forbid the cross-origin EHR frame; frame-ancestors governs framing.
 */
export function securityHeaders(config: CspConfig): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(config).policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** "a b; c d e" → { a: ['b'], c: ['d', 'e'] } (for tests and checks). */
export function parseCsp(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? 'dist/smart-config.json';
  let config: CspConfig;
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as CspConfig;
  } catch (e) {
    process.stderr.write(`csp: ${file}: cannot read it as JSON (${(e as NodeJS.ErrnoException).code ?? 'invalid JSON'})\n`);
    process.exit(1);
  }
  const { warnings } = contentSecurityPolicy(config);
  for (const w of warnings) process.stderr.write(`csp: warning: ${w}\n`);
  for (const [name, value] of Object.entries(securityHeaders(config))) process.stdout.write(`${name}: ${value}\n`);
}
