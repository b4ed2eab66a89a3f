import { Box, Typography } from '@mui/material';
import type { Patient } from 'fhir/r4';

/** The name as the record writes it (official name first): digits are part of a name ("Lonnie913 Von197", "heavy-1"). */
export function displayName(p: Patient): string {
  const n = p.name?.find((x) => x.use === 'official') ?? p.name?.[0];
  if (!n) return 'Unnamed patient';
  const name = (n.text ?? [...(n.given ?? []), n.family].filter(Boolean).join(' ')).trim();
  return name || 'Unnamed patient';
}

/** Whole years from birthDate (YYYY-MM-DD) to asOf (YYYY-MM-DD): calendar arithmetic, no time zones. */
export function ageInYears(birthDate: string | undefined, asOf: string): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}/.test(birthDate)) return null;
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number);
  const [ay, am, ad] = asOf.split('-').map(Number);
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const SEX: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' };

/** The date part of deceasedDateTime, true for deceasedBoolean, else null (alive or not stated). */
export function deceasedOf(p: Patient): string | true | null {
  if (typeof p.deceasedDateTime === 'string' && /^\d{4}/.test(p.deceasedDateTime)) return p.deceasedDateTime.slice(0, 10);
  return p.deceasedBoolean === true ? true : null;
}

export interface PatientHeaderProps {
  /** Null while the Patient is loading or when it could not be read (`problem` then says why). */
  patient: Patient | null;
  asOf: string;
  problem?: string | null;
}

export function PatientHeader({ patient, asOf, problem }: PatientHeaderProps) {
  if (!patient) {
    return (
      <Box component="header" sx={{ px: 2, py: 1.5, bgcolor: 'primary.main', color: 'primary.contrastText' }}>
        <Typography variant="h1" data-testid={problem ? 'patient-unreadable' : 'patient-loading'}>{problem ? 'Patient details could not be read' : 'Loading patient…'}</Typography>
        <Typography variant="body2">{problem ? `${problem} · ` : ''}Pain Care Panel as of {usDate(asOf)}</Typography>
      </Box>
    );
  }
  const age = ageInYears(patient.birthDate, asOf);
  const deceased = deceasedOf(patient);
  return (
    <Box component="header" sx={{ px: 2, py: 1.5, bgcolor: deceased ? 'grey.800' : 'primary.main', color: 'primary.contrastText' }}>
      <Typography variant="h1" data-testid="patient-name">{displayName(patient)}</Typography>
      <Typography variant="body2">
        {deceased && (
          <strong data-testid="patient-deceased">Deceased{deceased === true ? '' : ` ${usDate(deceased)}`} · </strong>
        )}
        {age !== null ? `${age} y` : 'Age unknown'} · {SEX[patient.gender ?? 'unknown'] ?? patient.gender}
        {patient.birthDate ? ` · DOB ${usDate(patient.birthDate)}` : ''} · Pain Care Panel as of {usDate(asOf)}
      </Typography>
    </Box>
  );
}
