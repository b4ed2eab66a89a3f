/**
 * SMART scopes, v2 (`patient/Observation.rs`, `.c`, `.cruds`, `patient/*.rs`) and v1 (`patient/*.read`,
 * `patient/Observation.write`, `user/*.read`, `.*`). A scope grants interactions on resource types at the
 * patient or user level.
 */
export type Interaction = 'c' | 'r' | 'u' | 'd' | 's';
export type Level = 'patient' | 'user' | 'system';

interface Grant {
  level: Level;
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

/** True when a grant at one of `levels` allows `interaction` on `resourceType`. */
export function allowsAtLevel(scope: string, levels: readonly Level[], resourceType: string, interaction: Interaction): boolean {
  return parseScopes(scope).some(
    (g) => levels.includes(g.level) && (g.resourceType === '*' || g.resourceType === resourceType) && g.interactions.has(interaction),
  );
}

/** True when some grant at one of `levels` allows `interaction` (on any type). */
export function grantsAtLevel(scope: string, levels: readonly Level[], interaction: Interaction): boolean {
  return parseScopes(scope).some((g) => levels.includes(g.level) && g.interactions.has(interaction));
}

/**
 * How far a token reaches for one interaction on one type: 'all' when a user- or system-level grant allows it
 * (the sandbox's user sees every patient), 'patient' when only patient-level grants do (the launch patient's
 * compartment — and nothing at all without a patient context), null when no grant allows it.
 */
export function reach(scope: string, resourceType: string, interaction: Interaction): 'all' | 'patient' | null {
  if (allowsAtLevel(scope, ['user', 'system'], resourceType, interaction)) return 'all';
  if (allowsAtLevel(scope, ['patient'], resourceType, interaction)) return 'patient';
  return null;
}

/** True when every grant is patient-level (the token is confined to its patient's compartment). */
export function patientLevelOnly(scope: string): boolean {
  const grants = parseScopes(scope);
  return grants.length > 0 && grants.every((g) => g.level === 'patient');
}

export function hasScope(scope: string, name: string): boolean {
  return scope.split(/\s+/).includes(name);
}
