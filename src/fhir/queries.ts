/**
 * The searches behind each source, one per SourceKey. EHR quirks are noted beside the query they shape.
 *
 * @example
 *   buildQueries({ patientId: 'p1', asOf: '2026-11-22', config, capabilities, permissions })
 *   // → [{ source: 'medications', url: 'MedicationRequest?patient=p1&status=active,...&_count=200', ... }, ...]
 */
import type { SourceKey } from '../clinical/types.ts';
import { addDays } from '../clinical/dates.ts';
import type { Capabilities } from './capabilities.ts';
import { tokenList, type QueryConfig } from './codes.ts';
import type { Permissions } from './permissions.ts';

export interface SourceQuery {
  source: SourceKey;
  /** Resource types a page of this search may legitimately contain (others are skipped as unexpected). */
  expect: string[];
  /** First page, relative to the FHIR base. */
  url: string;
  /** Set when the server cannot _include Medication: read each distinct referenced Medication once. */
  readReferencedMedications?: boolean;
  /** Codes a matching resource must carry (surveys, pdmp, agreement); anything else is an unknown code. */
  codes?: string[];
  /** Values are instrument scores: a quantity in a physical unit (mg, mm[Hg]) is not one of them. */
  scores?: boolean;
}

export interface NotRequested {
  source: SourceKey;
  reason: string;
}

export interface QueryInput {
  patientId: string;
  asOf: string; // YYYY-MM-DD
  config: QueryConfig;
  capabilities: Capabilities;
  permissions: Permissions;
}

// Orders the rules need: current ones for MME and stopped/completed ones for recent-exposure rules.
// Quirk: some EHRs (Epic) return only active orders unless an explicit status list is sent.
const MEDICATION_STATUSES = 'active,on-hold,completed,stopped,unknown';

export function buildQueries(input: QueryInput): { queries: SourceQuery[]; notRequested: NotRequested[] } {
  const { patientId, asOf, config, capabilities: caps, permissions } = input;
  // Optional parameters only when /metadata lists them: strict servers 400 on unknown parameters.
  const has = (type: string, param: string) => caps.supportsSearchParam(type, param);
  const standard = (type: string, param: string) => !caps.known || has(type, param);
  const search = (type: string, params: Array<[string, string] | false>) => {
    const all: Array<[string, string]> = [['patient', patientId], ...params.filter((p) => p !== false), ['_count', String(config.pageSize)]];
    return `${type}?${all.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
  };
  const codesOf = (list: QueryConfig['surveyCodes']) => list.map((c) => `${c.system}|${c.code}`);

  const include = caps.supportsInclude('MedicationRequest', 'MedicationRequest:medication');
  const queries: SourceQuery[] = [
    {
      source: 'medications',
      expect: ['MedicationRequest', 'Medication'],
      url: search('MedicationRequest', [
        standard('MedicationRequest', 'status') && ['status', MEDICATION_STATUSES],
        has('MedicationRequest', 'authoredon') && ['authoredon', `ge${addDays(asOf, -config.medicationLookbackDays)}`],
        include && ['_include', 'MedicationRequest:medication'],
      ]),
      readReferencedMedications: !include,
    },
    {
      // The rules use problem-list, encounter-diagnosis and health-concern Conditions (the CDC opioid CDS union).
      // Quirk: many records carry Conditions with no category at all (Synthea, older EHR data), which a
      // category=... search silently drops — an opioid use disorder among them would turn "high" into "low".
      // Conditions are few, so all of the patient's are read unless the clinic config names categories
      // (for an EHR that requires the parameter).
      source: 'conditions',
      expect: ['Condition'],
      url: search('Condition', [
        config.conditionCategories.length > 0 && standard('Condition', 'category') && ['category', config.conditionCategories.join(',')],
      ]),
    },
    { ...observationByCode('surveys', config.surveyCodes), scores: true },
    observationByCode('pdmp', config.pdmpObservationCodes),
    observationByCode('agreement', config.agreementCodes),
    {
      // Never "all Observations": lab results by category and date; the engine picks the UDT analytes.
      source: 'udt',
      expect: ['Observation'],
      url: search('Observation', [
        ['category', 'laboratory'],
        has('Observation', 'date') && ['date', `ge${addDays(asOf, -config.labLookbackDays)}`],
      ]),
    },
  ];
  const notRequested: NotRequested[] = [];
  const optional = (source: SourceKey, type: string, param: string, codes: QueryConfig['surveyCodes']) => {
    if (!permissions.canRead(type)) notRequested.push({ source, reason: `the launch did not grant read access to ${type}` });
    else queries.push({ source, expect: [type], url: search(type, [[param, tokenList(codes)]]), codes: codesOf(codes) });
  };
  optional('procedures', 'Procedure', 'code', config.pdmpProcedureCodes);
  optional('documents', 'DocumentReference', 'type', config.agreementCodes);
  return { queries, notRequested };

  function observationByCode(source: SourceKey, codes: QueryConfig['surveyCodes']): SourceQuery {
    return { source, expect: ['Observation'], url: search('Observation', [['code', tokenList(codes)]]), codes: codesOf(codes) };
  }
}
