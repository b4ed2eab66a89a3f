/** The sandbox's CapabilityStatement and SMART configuration (both public, no token needed). */
import { getSearchParameters } from '@medplum/core';
import type { CapabilityStatement } from 'fhir/r4';

export const SERVED_TYPES = [
  'Patient', 'Practitioner', 'Organization', 'Encounter', 'MedicationRequest', 'Medication', 'MedicationDispense',
  'Observation', 'Condition', 'Procedure', 'DocumentReference', 'Appointment', 'Group', 'AllergyIntolerance', 'Immunization',
  'DiagnosticReport', 'CarePlan', 'ServiceRequest', 'MedicationStatement', 'QuestionnaireResponse', 'Questionnaire',
  'Task', 'Goal', // the pain support team's requests and the patient's goals
] as const;

/** Types the sandbox creates (conditional create on If-None-Exist) and updates (PUT with If-Match). */
export const CREATED_TYPES: ReadonlySet<string> = new Set(['Observation', 'ServiceRequest', 'Task', 'DocumentReference']);
export const UPDATED_TYPES: ReadonlySet<string> = new Set(['Task', 'ServiceRequest']);

export function capabilityStatement(baseUrl: string, fhirBase: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    software: { name: 'Pain Care Panel local SMART sandbox (on @medplum/fhir-router)' },
    implementation: { description: 'Local SMART sandbox', url: fhirBase },
    rest: [
      {
        mode: 'server',
        security: {
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: `${baseUrl}/auth/authorize` },
                { url: 'token', valueUri: `${baseUrl}/auth/token` },
              ],
            },
          ],
        },
        resource: SERVED_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' as const }, { code: 'search-type' as const }, ...(CREATED_TYPES.has(type) ? [{ code: 'create' as const }] : []), ...(UPDATED_TYPES.has(type) ? [{ code: 'update' as const }] : [])],
          conditionalCreate: CREATED_TYPES.has(type),
          ...(UPDATED_TYPES.has(type) ? { versioning: 'versioned-update' as const } : {}),
          searchInclude: type === 'MedicationRequest' ? ['MedicationRequest:medication'] : type === 'MedicationDispense' ? ['MedicationDispense:medication'] : undefined,
          searchParam: Object.values(getSearchParameters(type) ?? {}).map((sp) => ({
            name: sp.code ?? '',
            type: sp.type,
            definition: sp.url,
          })),
        })),
      },
    ],
  };
}

export function smartConfiguration(baseUrl: string): Record<string, unknown> {
  return {
    issuer: baseUrl,
    authorization_endpoint: `${baseUrl}/auth/authorize`,
    token_endpoint: `${baseUrl}/auth/token`,
    token_endpoint_auth_methods_supported: ['none'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: [
      'openid', 'fhirUser', 'launch', 'launch/patient', 'offline_access', 'online_access',
      'patient/*.rs', 'patient/*.read', 'user/*.rs', 'user/*.read', 'patient/Observation.c', 'patient/Observation.write',
      'patient/ServiceRequest.c', 'patient/Task.cu', 'patient/DocumentReference.c', 'user/ServiceRequest.cu', 'user/Task.cu', 'user/DocumentReference.c',
    ],
    capabilities: [
      'launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-patient', 'context-standalone-patient',
      'context-banner', 'context-style', 'permission-v1', 'permission-v2', 'permission-patient', 'permission-user',
      'permission-offline', 'permission-online', 'sso-openid-connect',
    ],
  };
}
