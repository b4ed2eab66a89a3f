/**
 * The searches behind each source, one per SourceKey. EHR quirks are noted beside the query they shape.
 *
 * A source is read by the first of its plans the server accepts; each plan is one or more searches whose results
 * are united. Searches only narrow what is fetched where that cannot drop a record the rules use: orders are read
 * for a window *and* without a date (undated orders count), urine drug tests by the engine's own code list
 * (any category, any date). When a server refuses a plan, the next, broader or weaker one runs; a weaker plan says
 * why the source is only partly read.
 *
 * @example
 *   buildQueries({ patientId: 'p1', asOf: '2026-11-22', config, capabilities, permissions }).queries[0].plans[0].searches[0].url
 *   // → 'MedicationRequest?patient=p1&status=active,…&authoredon=ge2024-11-21&_count=200'
 */
import type { IsoDate, SourceKey } from '../clinical/types.ts';
import { addDays } from '../clinical/dates.ts';
import type { Capabilities } from './capabilities.ts';
import type { QueryConfig } from './codes.ts';
import type { Permissions } from './permissions.ts';

export interface SearchSpec {
  /** GET URL relative to the FHIR base; with `form`, the POST [type]/_search URL. */
  url: string;
  /** application/x-www-form-urlencoded body of a POST search (long code lists). */
  form?: string;
}

export interface QueryPlan {
  searches: SearchSpec[];
  /** Earliest date the plan covers (null: the whole record). */
  since: IsoDate | null;
  /** Set on a weaker plan: why records may be missing (the source then reads as partly loaded). */
  weakness?: string;
}

export interface SourceQuery {
  source: SourceKey;
  /** Resource types a page of this search may legitimately contain (others are skipped as unexpected). */
  expect: string[];
  /** Tried in order: the next one runs when the server refuses a search of the previous one (400, 404, 405…). */
  plans: QueryPlan[];
  /** Set when the server cannot _include Medication: read each distinct referenced Medication once. */
  readReferencedMedications?: boolean;
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
export const MEDICATION_STATUSES = 'active,on-hold,completed,stopped,unknown';
/** Codes per GET when a server refuses one long POST search (keeps each URL near 1 kB). */
const CODES_PER_GET = 100;

const query = (params: Array<[string, string] | false>) =>
  params.filter((p): p is [string, string] => p !== false).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

export function buildQueries(input: QueryInput): { queries: SourceQuery[]; notRequested: NotRequested[] } {
  const { patientId, asOf, config, capabilities: caps, permissions } = input;
  // Optional parameters only when /metadata lists them: strict servers 400 on unknown parameters.
  const has = (type: string, param: string) => caps.supportsSearchParam(type, param);
  const standard = (type: string, param: string) => !caps.known || has(type, param);
  const get = (type: string, params: Array<[string, string] | false>): SearchSpec => ({
    url: `${type}?${query([['patient', patientId], ...params, ['_count', String(config.pageSize)]])}`,
  });
  const post = (type: string, params: Array<[string, string] | false>): SearchSpec => ({
    url: `${type}/_search`,
    form: query([['patient', patientId], ...params, ['_count', String(config.pageSize)]]),
  });
  const byCode = (type: string, param: string, codes: string[]): SourceQuery['plans'] => [{ searches: [get(type, [[param, codes.join(',')]])], since: null }];

  const include = caps.supportsInclude('MedicationRequest', 'MedicationRequest:medication');
  const medParams = (extra: [string, string] | false) => [
    standard('MedicationRequest', 'status') && (['status', MEDICATION_STATUSES] as [string, string]),
    extra,
    include && (['_include', 'MedicationRequest:medication'] as [string, string]),
  ];
  const windowStart = addDays(asOf, -config.medicationWindowDays);
  const allOrders: QueryPlan = { searches: [get('MedicationRequest', medParams(false))], since: null };
  const queries: SourceQuery[] = [
    {
      source: 'medications',
      expect: ['MedicationRequest', 'Medication'],
      // The window (one day of margin: servers compare instants, the rules calendar dates) plus every undated
      // order — an active order without authoredOn is current, and a date search never returns it. A server that
      // cannot search for a missing date gets the whole history instead.
      plans: has('MedicationRequest', 'authoredon')
        ? [
          {
            searches: [
              get('MedicationRequest', medParams(['authoredon', `ge${addDays(windowStart, -1)}`])),
              get('MedicationRequest', medParams(['authoredon:missing', 'true'])),
            ],
            since: windowStart,
          },
          allOrders,
        ]
        : [allOrders],
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
      plans: [{
        searches: [get('Condition', [config.conditionCategories.length > 0 && standard('Condition', 'category') && ['category', config.conditionCategories.join(',')]])],
        since: null,
      }],
    },
    { source: 'surveys', expect: ['Observation'], plans: byCode('Observation', 'code', config.surveyCodes) },
    { source: 'pdmp', expect: ['Observation'], plans: byCode('Observation', 'code', config.pdmpObservationCodes) },
    { source: 'agreement', expect: ['Observation'], plans: byCode('Observation', 'code', config.agreementCodes) },
    {
      // Urine drug tests by the engine's own code list, in any category and of any date: a test without a
      // category (older interfaces), or dated only by `issued`, is still found. The list is long (~1,800 LOINC
      // codes): one POST search, else GETs of 100 codes, else — weaker — laboratory results by category and date.
      source: 'udt',
      expect: ['Observation'],
      plans: [
        { searches: [post('Observation', [['code', config.udtCodes.join(',')]])], since: null },
        { searches: chunks(config.udtCodes, CODES_PER_GET).map((codes) => get('Observation', [['code', codes.join(',')]])), since: null },
        {
          searches: [get('Observation', [['category', 'laboratory'], has('Observation', 'date') && ['date', `ge${addDays(asOf, -config.labLookbackDays)}`]])],
          since: null,
          weakness: 'the server refused the search by test code, so only laboratory results with a category were read — a test without a category, or dated only by its report, may be missing',
        },
      ],
    },
  ];
  const notRequested: NotRequested[] = [];
  const optional = (source: SourceKey, type: string, plans: QueryPlan[], expect: string[] = [type]) => {
    if (!permissions.canRead(type)) notRequested.push({ source, reason: `the launch did not grant read access to ${type}` });
    else queries.push({ source, expect, plans });
  };
  // Every Procedure: the rules read PDMP reviews, hospice and cancer-treatment procedures and non-drug therapies
  // (physical therapy, CBT…), whose code lists are long — a patient's procedures are few enough to read whole.
  optional('procedures', 'Procedure', [{ searches: [get('Procedure', [])], since: null }]);
  optional('documents', 'DocumentReference', byCode('DocumentReference', 'type', config.agreementCodes));
  // Pharmacy fills: the same window as orders plus undated ones (whenhandedover), else all of them.
  const fillsStart = addDays(asOf, -config.medicationWindowDays);
  const fillParams = (extra: [string, string] | false) => [extra, include && caps.supportsInclude('MedicationDispense', 'MedicationDispense:medication') && (['_include', 'MedicationDispense:medication'] as [string, string])];
  const allFills: QueryPlan = { searches: [get('MedicationDispense', fillParams(false))], since: null };
  optional('dispenses', 'MedicationDispense', has('MedicationDispense', 'whenhandedover')
    ? [{ searches: [get('MedicationDispense', fillParams(['whenhandedover', `ge${addDays(fillsStart, -1)}`])), get('MedicationDispense', fillParams(['whenhandedover:missing', 'true']))], since: fillsStart }, allFills]
    : [allFills], ['MedicationDispense', 'Medication']);
  optional('statements', 'MedicationStatement', [{ searches: [get('MedicationStatement', [])], since: null }], ['MedicationStatement', 'Medication']);
  // Forms are matched by questionnaire and item codes in the engine (canonical URLs vary by EHR): read them all.
  optional('questionnaires', 'QuestionnaireResponse', [{ searches: [get('QuestionnaireResponse', [])], since: null }]);
  optional('referrals', 'ServiceRequest', [{ searches: [get('ServiceRequest', [])], since: null }]);
  return { queries, notRequested };
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The search for orders older than a window (read on demand: "show older orders"). */
export function olderOrdersSearch(patientId: string, before: IsoDate, config: QueryConfig, capabilities: Capabilities): SearchSpec {
  const include = capabilities.supportsInclude('MedicationRequest', 'MedicationRequest:medication');
  return {
    url: `MedicationRequest?${query([
      ['patient', patientId],
      ['status', MEDICATION_STATUSES],
      ['authoredon', `lt${before}`],
      include && ['_include', 'MedicationRequest:medication'],
      ['_count', String(config.pageSize)],
    ])}`,
  };
}
