/** The loader's query codes and look-backs, from the clinic policy (the engine's own code lists). */
export { queryConfigFromPolicy } from '../fhir/codes.ts';
