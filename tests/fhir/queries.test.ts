/** The searches behind each source: only parameters the server lists, never a narrowing that can drop a record the rules use. */
import { capabilitiesFrom } from '../../src/fhir/capabilities.ts';
import { DEFAULT_QUERY_CONFIG } from '../../src/fhir/codes.ts';
import { parseScopes } from '../../src/fhir/permissions.ts';
import { buildQueries } from '../../src/fhir/queries.ts';
import { capabilityStatement, resetFake } from './msw/fake-fhir.ts';

const CONFIG = { ...DEFAULT_QUERY_CONFIG, pageSize: 100 };
const build = (o: { include?: boolean; metadata?: boolean; scope?: string; conditionCategories?: string[] } = {}) => {
  resetFake([], { includeSupported: o.include ?? true });
  const statement = o.metadata === false ? null : (capabilityStatement() as never);
  const { queries, notRequested } = buildQueries({
    patientId: 'p1', asOf: '2026-11-22', config: { ...CONFIG, conditionCategories: o.conditionCategories ?? [] },
    capabilities: capabilitiesFrom(statement), permissions: parseScopes(o.scope ?? 'patient/*.read'),
  });
  const plans = (source: string) => queries.find((q) => q.source === source)?.plans ?? [];
  /** The URLs (and POST bodies) of one plan of a source, decoded. */
  const urls = (source: string, plan = 0) => (plans(source)[plan]?.searches ?? []).map((s) => decodeURIComponent(s.form ? `POST ${s.url} ${s.form}` : s.url));
  return { queries, notRequested, plans, urls };
};

const STATUSES = 'status=active,on-hold,completed,stopped,unknown';

describe('query construction', () => {
  it('orders: the window (one day of margin) plus every undated order, with _include when listed; the whole history if a server refuses', () => {
    const { urls, plans } = build();
    expect(urls('medications')).toEqual([
      `MedicationRequest?patient=p1&${STATUSES}&authoredon=ge2024-11-21&_include=MedicationRequest:medication&_count=100`,
      `MedicationRequest?patient=p1&${STATUSES}&authoredon:missing=true&_include=MedicationRequest:medication&_count=100`,
    ]);
    expect(plans('medications')[0].since).toBe('2024-11-22');
    expect(urls('medications', 1)).toEqual([`MedicationRequest?patient=p1&${STATUSES}&_include=MedicationRequest:medication&_count=100`]);
    expect(plans('medications')[1].since).toBeNull();
  });

  it('reads Medications separately when _include is not listed', () => {
    const { urls, queries } = build({ include: false });
    expect(urls('medications').join()).not.toContain('_include');
    expect(queries.find((q) => q.source === 'medications')?.readReferencedMedications).toBe(true);
  });

  it('without /metadata: no date search is possible, so the whole order history is read', () => {
    const { urls, plans } = build({ metadata: false });
    expect(plans('medications')).toHaveLength(1);
    expect(urls('medications')).toEqual([`MedicationRequest?patient=p1&${STATUSES}&_count=100`]);
  });

  it('reads every Condition (uncategorized ones included) unless the config names categories', () => {
    expect(build().urls('conditions')).toEqual(['Condition?patient=p1&_count=100']);
    expect(build({ conditionCategories: ['problem-list-item', 'encounter-diagnosis'] }).urls('conditions')).toEqual(['Condition?patient=p1&category=problem-list-item,encounter-diagnosis&_count=100']);
  });

  it('searches Observations by bare code (any system spelling) for surveys, PDMP and agreement', () => {
    const { urls } = build();
    expect(urls('surveys')).toEqual([`Observation?patient=p1&code=${CONFIG.surveyCodes.join(',')}&_count=100`]);
    expect(urls('pdmp')).toEqual(['Observation?patient=p1&code=461651000124104&_count=100']);
    expect(urls('agreement')).toEqual(['Observation?patient=p1&code=94136-9&_count=100']);
  });

  it('urine drug tests by the engine\'s code list in any category and date: one POST, else GETs of 100 codes, else (weaker) by category', () => {
    const { urls, plans } = build();
    expect(urls('udt')).toEqual([`POST Observation/_search patient=p1&code=${CONFIG.udtCodes.join(',')}&_count=100`]);
    const gets = urls('udt', 1);
    expect(gets).toHaveLength(Math.ceil(CONFIG.udtCodes.length / 100));
    expect(gets.every((u) => u.length < 1200)).toBe(true);
    expect(gets.flatMap((u) => /code=([^&]*)/.exec(u)![1].split(','))).toEqual(CONFIG.udtCodes);
    expect(urls('udt', 2)).toEqual(['Observation?patient=p1&category=laboratory&date=ge2024-11-22&_count=100']);
    expect(plans('udt')[2].weakness).toMatch(/without a category, or dated only by its report, may be missing/);
  });

  it('adds the optional sources only when the scopes allow: every Procedure (PDMP, hospice, cancer treatment, therapies), agreement documents, fills, reported medications, forms, referrals', () => {
    expect(build().urls('procedures')).toEqual(['Procedure?patient=p1&_count=100']);
    expect(build().urls('documents')).toEqual(['DocumentReference?patient=p1&type=94136-9&_count=100']);
    expect(build().urls('dispenses')).toEqual(['MedicationDispense?patient=p1&whenhandedover=ge2024-11-21&_count=100', 'MedicationDispense?patient=p1&whenhandedover:missing=true&_count=100']);
    expect(build().urls('questionnaires')).toEqual(['QuestionnaireResponse?patient=p1&_count=100']);
    expect(build({ scope: 'patient/Observation.rs patient/MedicationRequest.rs' }).notRequested.map((n) => n.source)).toEqual(['procedures', 'documents', 'dispenses', 'statements', 'questionnaires', 'referrals']);
  });
});
describe('granted scopes', () => {
  it.each([
    ['patient/*.read', 'Procedure', true],
    ['patient/Procedure.rs', 'Procedure', true],
    ['patient/Procedure.r', 'Procedure', true],
    ['user/Procedure.read', 'Procedure', true],
    ['patient/Observation.rs', 'Procedure', false],
    ['patient/Procedure.c', 'Procedure', false],
    ['patient/Procedure.rs?category=x', 'Procedure', true],
    ['', 'Procedure', true], // no scope string: nothing ruled out up front, the server decides
  ])('"%s" → can read %s: %s', (scope, type, expected) => {
    expect(parseScopes(scope).canRead(type)).toBe(expected);
  });
});
