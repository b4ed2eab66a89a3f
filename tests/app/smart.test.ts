import { chooseScope, classifyLaunchError, localDateTime, localToday, type SmartConfig } from '../../src/fhir/smart.ts';
import config from '../../public/smart-config.json';

const cfg = config as SmartConfig;

describe('scope choice (SMART v2, v1 fallback for older EHRs)', () => {
  it.each([
    { mode: 'ehr', registry: false, caps: ['permission-v2'], has: ['launch', 'patient/Observation.rs', 'patient/Observation.c'], not: ['launch/patient'] },
    { mode: 'standalone', registry: false, caps: ['permission-v2'], has: ['launch/patient', 'patient/Condition.rs'], not: ['launch'] },
    { mode: 'ehr', registry: false, caps: ['permission-v1'], has: ['launch', 'patient/Observation.read', 'patient/Observation.write'], not: ['patient/Observation.rs'] },
    { mode: 'ehr', registry: false, caps: null, has: ['patient/MedicationRequest.read'], not: ['patient/MedicationRequest.rs'] },
    { mode: 'ehr', registry: true, caps: ['permission-v2'], has: ['launch', 'user/Patient.rs'], not: ['patient/Patient.rs'] },
    { mode: 'standalone', registry: true, caps: ['permission-v2'], has: ['user/MedicationRequest.rs'], not: ['launch', 'launch/patient'] },
  ] as const)('$mode launch, registry=$registry, capabilities $caps', ({ mode, registry, caps, has, not }) => {
    const words = chooseScope(cfg, { mode, registry, capabilities: caps ? [...caps] : null }).split(' ');
    for (const w of has) expect(words).toContain(w);
    for (const w of not) expect(words).not.toContain(w);
  });

  it('a forced scopeVersion wins over the server capabilities', () => {
    expect(chooseScope({ ...cfg, scopeVersion: 'v1' }, { mode: 'ehr', registry: false, capabilities: ['permission-v2'] })).toContain('patient/Patient.read');
  });
});

describe('launch failures in plain words', () => {
  it.each([
    { error: null, search: '?error=access_denied&error_description=no', kind: 'denied' },
    { error: new Error('No server url found. It must be specified as "iss" or as "fhirServiceUrl" parameter'), search: '', kind: 'no-iss' },
    { error: new Error("No 'state' parameter found. Please (re)launch the app."), search: '', kind: 'no-session' },
    { error: new Error('No state found! Please (re)launch the app.'), search: '', kind: 'no-session' },
    { error: Object.assign(new Error('401 Unauthorized — Missing, invalid or expired access token'), { status: 401 }), search: '', kind: 'session-expired' },
    { error: Object.assign(new Error('Forbidden'), { status: 403 }), search: '', kind: 'token-rejected' },
    { error: new Error('boom'), search: '', kind: 'unknown' },
  ])('$kind', ({ error, search, kind }) => {
    const f = classifyLaunchError(error, search);
    expect(f.kind).toBe(kind);
    expect(f.message).toMatch(/from the patient's chart/);
  });
});

it('localToday is the local calendar date', () => {
  expect(localToday(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
});

it('localDateTime keeps the clinic\'s calendar day and states the offset', () => {
  const d = new Date(2026, 10, 22, 19, 26, 5);
  const text = localDateTime(d);
  expect(text.slice(0, 19)).toBe('2026-11-22T19:26:05');
  expect(text).toMatch(/[+-]\d{2}:\d{2}$/);
  expect(new Date(text).getTime()).toBe(d.getTime());
});
