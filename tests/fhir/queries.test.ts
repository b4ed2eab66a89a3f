/** The searches behind each source: only parameters the server lists, never "all Observations". */
import { capabilitiesFrom } from '../../src/fhir/capabilities.ts';
import { DEFAULT_QUERY_CONFIG, withDefaults } from '../../src/fhir/codes.ts';
import { parseScopes } from '../../src/fhir/permissions.ts';
import { buildQueries } from '../../src/fhir/queries.ts';
import { capabilityStatement, resetFake } from './msw/fake-fhir.ts';

const build = (o: { include?: boolean; metadata?: boolean; scope?: string } = {}) => {
  resetFake([], { includeSupported: o.include ?? true });
  const statement = o.metadata === false ? null : (capabilityStatement() as never);
  const { queries, notRequested } = buildQueries({
    patientId: 'p1', asOf: '2026-11-22', config: withDefaults({ pageSize: 100 }),
    capabilities: capabilitiesFrom(statement), permissions: parseScopes(o.scope ?? 'patient/*.read'),
  });
  const url = (source: string) => decodeURIComponent(queries.find((q) => q.source === source)?.url ?? '');
  return { queries, notRequested, url };
};

describe('query construction', () => {
  it('asks for every order status the rules need, authored within the look-back, with _include when listed', () => {
    expect(build().url('medications')).toBe(
      'MedicationRequest?patient=p1&status=active,on-hold,completed,stopped,unknown&authoredon=ge2024-11-22&_include=MedicationRequest:medication&_count=100',
    );
  });

  it('reads Medications separately when _include is not listed', () => {
    const { url, queries } = build({ include: false });
    expect(url('medications')).not.toContain('_include');
    expect(queries.find((q) => q.source === 'medications')?.readReferencedMedications).toBe(true);
  });

  it('drops optional date filters when /metadata could not be read, keeps the standard ones', () => {
    const { url } = build({ metadata: false });
    expect(url('medications')).toBe('MedicationRequest?patient=p1&status=active,on-hold,completed,stopped,unknown&_count=100');
    expect(url('udt')).toBe('Observation?patient=p1&category=laboratory&_count=100');
  });

  it('reads every Condition (uncategorized ones included) unless the config names categories', () => {
    expect(build().url('conditions')).toBe('Condition?patient=p1&_count=100');
    const { queries } = buildQueries({
      patientId: 'p1', asOf: '2026-11-22', config: withDefaults({ pageSize: 100, conditionCategories: ['problem-list-item', 'encounter-diagnosis'] }),
      capabilities: capabilitiesFrom(capabilityStatement() as never), permissions: parseScopes('patient/*.read'),
    });
    expect(decodeURIComponent(queries[1].url)).toBe('Condition?patient=p1&category=problem-list-item,encounter-diagnosis&_count=100');
  });

  it('searches Observations by code for surveys, PDMP and agreement, by laboratory category + date for UDT', () => {
    const { url } = build();
    expect(url('surveys')).toBe(`Observation?patient=p1&code=${DEFAULT_QUERY_CONFIG.surveyCodes.map((c) => `http://loinc.org|${c.code}`).join(',')}&_count=100`);
    expect(url('pdmp')).toBe('Observation?patient=p1&code=http://snomed.info/sct|461651000124104&_count=100');
    expect(url('agreement')).toBe('Observation?patient=p1&code=http://loinc.org|94136-9&_count=100');
    expect(url('udt')).toBe('Observation?patient=p1&category=laboratory&date=ge2024-11-22&_count=100');
  });

  it('adds Procedure and DocumentReference only when the scopes allow', () => {
    expect(build().url('procedures')).toBe('Procedure?patient=p1&code=http://snomed.info/sct|461621000124108&_count=100');
    expect(build().url('documents')).toBe('DocumentReference?patient=p1&type=http://loinc.org|94136-9&_count=100');
    expect(build({ scope: 'patient/Observation.rs patient/MedicationRequest.rs' }).notRequested.map((n) => n.source)).toEqual(['procedures', 'documents']);
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
