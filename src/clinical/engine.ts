/**
 * The clinical engine as one module, so the panel can load it as its own chunk in parallel with the patient's
 * searches (its drug table and code lists are most of the app's JavaScript) instead of before the first request.
 */
export { normalizeRecord } from './record/normalize.ts';
export { summarizePatient, summarizeRecord } from './summary.ts';
