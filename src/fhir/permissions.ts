/**
 * What the granted SMART scopes allow (v1 `.read/.write/.*` and v2 `.cruds` letters).
 *
 * @example
 *   const p = parseScopes('launch openid fhirUser patient/*.read patient/Observation.c');
 *   p.canRead('Procedure') // true;  p.canCreate('Observation') // true
 */
export interface Permissions {
  /** False when the server granted no scope string at all: then nothing is ruled out up front. */
  known: boolean;
  canRead(resourceType: string): boolean;
  canCreate(resourceType: string): boolean;
}

interface ResourceScope {
  type: string; // a resource type or '*'
  read: boolean;
  create: boolean;
}

const SCOPE = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/;

function parseOne(scope: string): ResourceScope | null {
  const m = SCOPE.exec(scope);
  if (!m) return null;
  const [, , type, access] = m;
  if (access === 'read') return { type, read: true, create: false };
  if (access === 'write') return { type, read: false, create: true };
  if (access === '*') return { type, read: true, create: true };
  if (/^c?r?u?d?s?$/.test(access)) {
    // v2: search needs 's' (a read-only 'r' still allows reads by id, not searches)
    return { type, read: access.includes('s') || access.includes('r'), create: access.includes('c') };
  }
  return null;
}

export function parseScopes(scope: string | undefined | null): Permissions {
  const text = (scope ?? '').trim();
  const scopes = text.split(/\s+/).map(parseOne).filter((s): s is ResourceScope => s !== null);
  const known = text.length > 0;
  const match = (type: string, want: 'read' | 'create') =>
    !known || scopes.some((s) => (s.type === '*' || s.type === type) && s[want]);
  return { known, canRead: (t) => match(t, 'read'), canCreate: (t) => match(t, 'create') };
}
