/**
 * SMART scopes, v2 (`patient/Observation.rs`, `.c`, `.cruds`, `patient/*.rs`) and v1 (`patient/*.read`,
 * `patient/Observation.write`, `user/*.read`, `.*`). A scope grants interactions on resource types at the
 * patient or user level.
 */
export type Interaction = 'c' | 'r' | 'u' | 'd' | 's';

interface Grant {
  level: 'patient' | 'user' | 'system';
  resourceType: string; // '*' for all
  interactions: Set<Interaction>;
}

const V1: Record<string, Interaction[]> = { read: ['r', 's'], write: ['c', 'u', 'd'], '*': ['c', 'r', 'u', 'd', 's'] };

export function parseScopes(scope: string): Grant[] {
  const grants: Grant[] = [];
  for (const s of scope.split(/\s+/)) {
    const m = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/.exec(s);
    if (!m) continue;
    const [, level, resourceType, perms] = m;
    const interactions = V1[perms] ?? (/^c?r?u?d?s?$/.test(perms) ? ([...perms] as Interaction[]) : []);
    if (interactions.length) grants.push({ level: level as Grant['level'], resourceType, interactions: new Set(interactions) });
  }
  return grants;
}

export function allows(scope: string, resourceType: string, interaction: Interaction): boolean {
  return parseScopes(scope).some(
    (g) => (g.resourceType === '*' || g.resourceType === resourceType) && g.interactions.has(interaction),
  );
}

/** True when every grant is patient-level (the token is confined to its patient's compartment). */
export function patientLevelOnly(scope: string): boolean {
  const grants = parseScopes(scope);
  return grants.length > 0 && grants.every((g) => g.level === 'patient');
}

export function hasScope(scope: string, name: string): boolean {
  return scope.split(/\s+/).includes(name);
}
