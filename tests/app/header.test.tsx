/** The app shell's patient header and launch-error page. */
import { render, screen } from '@testing-library/react';
import type { Patient } from 'fhir/r4';
import { ageInYears, displayName, PatientHeader } from '../../src/app/PatientHeader.tsx';
import { LaunchErrorPage } from '../../src/app/LaunchErrorPage.tsx';
import { classifyLaunchError } from '../../src/fhir/smart.ts';

describe('age in whole years (calendar arithmetic, no clock)', () => {
  it.each([
    ['1950-08-03', '2026-08-02', 75], // the day before the birthday
    ['1950-08-03', '2026-08-03', 76], // on the birthday
    ['2000-02-29', '2026-02-28', 25], // leap-day birth, non-leap year
    ['2000-02-29', '2026-03-01', 26],
    ['1950', '2026-08-03', null], // partial birthDate: unknown, not guessed
    [undefined, '2026-08-03', null],
  ] as const)('born %s, as of %s → %s', (birthDate, asOf, age) => {
    expect(ageInYears(birthDate, asOf)).toBe(age);
  });
});

describe('PatientHeader', () => {
  const lonnie: Patient = {
    resourceType: 'Patient', id: 'p', gender: 'male', birthDate: '1956-05-12',
    name: [{ use: 'official', given: ['Lonnie913'], family: 'Von197', prefix: ['Mr.'] }],
  };

  it('shows the name as written (Synthea digits kept), age, sex and the DOB in US format', () => {
    render(<PatientHeader patient={lonnie} asOf="2026-11-22" />);
    expect(screen.getByTestId('patient-name')).toHaveTextContent(/^Lonnie913 Von197$/);
    expect(displayName({ resourceType: 'Patient', name: [{ text: 'heavy-1' }] })).toBe('heavy-1');
    expect(screen.getByText(/70 y · Male · DOB 05\/12\/1956/)).toBeInTheDocument();
  });

  it('prefers the official name and falls back to "Unnamed patient"', () => {
    expect(displayName({ resourceType: 'Patient', name: [{ use: 'nickname', text: 'Lonnie' }, { use: 'official', text: 'Lonnie Von' }] })).toBe('Lonnie Von');
    expect(displayName({ resourceType: 'Patient' })).toBe('Unnamed patient');
  });
});

describe('LaunchErrorPage', () => {
  it('says what happened and how to relaunch, as an alert with a heading', () => {
    render(<LaunchErrorPage failure={classifyLaunchError(null, '?error=access_denied&error_description=The%20user%20denied%20access')} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/Access was not granted/);
    expect(screen.getByRole('alert')).toHaveTextContent(/from the patient's chart/);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Access was not granted');
  });
});
