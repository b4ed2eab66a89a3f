/**
 * Shape checks before a resource reaches the store: anything the engine could misread is skipped and
 * counted ("2 Observation resources skipped: missing code"). Clinical judgement (unknown drugs, odd units
 * in a dose) stays in src/clinical; here we only refuse what is structurally broken or was not asked for.
 */
import type { Resource } from 'fhir/r4';
import type { SourceQuery } from './queries.ts';

export interface SkipCount {
  resourceType: string;
  reason: string;
  count: number;
}

type Check = (r: Record<string, unknown>) => string | null;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown) => typeof v === 'string' && v.length > 0;
const optional = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || ok(v);
const concept = (v: unknown) => isObj(v) && (Array.isArray(v.coding) || isStr(v.text));
const quantity = (v: unknown) => isObj(v) && optional(v.value, (x) => typeof x === 'number' && Number.isFinite(x));
const dateish = (v: unknown) => typeof v === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?/.test(v);

const CHECKS: Record<string, Check[]> = {
  MedicationRequest: [
    (r) => (isStr(r.status) ? null : 'missing status'),
    (r) => (concept(r.medicationCodeableConcept) || isObj(r.medicationReference) ? null : 'missing medication'),
    (r) => (optional(r.authoredOn, dateish) ? null : 'unreadable authoredOn'),
    (r) => (optional(r.dosageInstruction, Array.isArray) ? null : 'dosageInstruction is not a list'),
  ],
  Medication: [(r) => (optional(r.code, concept) ? null : 'unreadable code')],
  Observation: [
    (r) => (isStr(r.status) ? null : 'missing status'),
    (r) => (concept(r.code) ? null : 'missing code'),
    (r) => (optional(r.valueQuantity, quantity) ? null : 'value is not a number'),
    (r) => (optional(r.component, Array.isArray) ? null : 'component is not a list'),
    (r) => (optional(r.effectiveDateTime, dateish) ? null : 'unreadable date'),
  ],
  Condition: [(r) => (concept(r.code) ? null : 'missing code')],
  Procedure: [(r) => (isStr(r.status) ? null : 'missing status'), (r) => (concept(r.code) ? null : 'missing code')],
  DocumentReference: [(r) => (concept(r.type) ? null : 'missing type')],
  Patient: [],
};

/** The codes a resource carries in the field its search matched on (code, or type for documents). */
function codesOf(r: Record<string, unknown>): string[] {
  const field = r.resourceType === 'DocumentReference' ? r.type : r.code;
  if (!isObj(field) || !Array.isArray(field.coding)) return [];
  return field.coding.filter(isObj).map((c) => `${c.system ?? ''}|${c.code ?? ''}`);
}

/** Returns the usable resources and the per-reason skip counts. */
export function sanitize(items: unknown[], query: Pick<SourceQuery, 'expect' | 'codes' | 'scores'>): { kept: Resource[]; skipped: SkipCount[] } {
  const kept: Resource[] = [];
  const counts = new Map<string, SkipCount>();
  const skip = (resourceType: string, reason: string) => {
    const key = `${resourceType}\u0000${reason}`;
    const c = counts.get(key) ?? { resourceType, reason, count: 0 };
    c.count += 1;
    counts.set(key, c);
  };
  for (const item of items) {
    if (!isObj(item)) { skip('entry', 'not a resource object'); continue; }
    if (!isStr(item.resourceType)) { skip('entry', 'missing resourceType'); continue; }
    const type = item.resourceType as string;
    if (!isStr(item.id)) { skip(type, 'missing id'); continue; }
    if (!query.expect.includes(type)) { skip(type, 'not the type that was searched for'); continue; }
    const problem = (CHECKS[type] ?? []).map((check) => check(item)).find((p) => p !== null);
    if (problem) { skip(type, problem); continue; }
    const wanted = query.codes;
    // Code alone: servers return the system spelled differently (https://loinc.org, urn:oid:...) — the engine normalises it.
    const matches = (c: string) => wanted?.some((w) => w.split('|')[1] === c.split('|')[1]);
    if (wanted && type !== 'Medication' && !codesOf(item).some(matches)) {
      skip(type, 'code that was not asked for');
      continue;
    }
    const unit = query.scores ? oddScoreUnit(item) : null;
    if (unit !== null) { skip(type, `score in an unexpected unit (${unit})`); continue; }
    kept.push(item as unknown as Resource);
  }
  return { kept, skipped: [...counts.values()] };
}

// Units a questionnaire score may carry (UCUM annotations, dimensionless, or the usual free text).
const SCORE_UNIT = /^(\{[^}]*\}|1|score|scores|points?|)$/i;

/** The unit of a score Observation's value or components when it is a physical unit (e.g. "mg/dL"), else null. */
function oddScoreUnit(r: Record<string, unknown>): string | null {
  const quantities = [r.valueQuantity, ...(Array.isArray(r.component) ? r.component.map((c) => (isObj(c) ? c.valueQuantity : undefined)) : [])];
  for (const q of quantities) {
    if (!isObj(q)) continue;
    for (const u of [q.code, q.unit]) if (typeof u === 'string' && !SCORE_UNIT.test(u.trim())) return u;
  }
  return null;
}

/** "2 Observation resources skipped: missing code", "1 Bundle entry skipped: not a resource object" */
export function describeSkip(s: SkipCount): string {
  const noun = s.resourceType === 'entry' ? (s.count === 1 ? 'Bundle entry' : 'Bundle entries') : `${s.resourceType} ${s.count === 1 ? 'resource' : 'resources'}`;
  return `${s.count} ${noun} skipped: ${s.reason}`;
}
