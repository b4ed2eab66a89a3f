import { Box, Typography } from '@mui/material';
import type { Patient } from 'fhir/r4';

export function displayName(p: Patient): string {
  const n = p.name?.find((x) => x.use === 'official') ?? p.name?.[0];
  if (!n) return 'Unnamed patient';
  return (n.text ?? [...(n.given ?? []), n.family].filter(Boolean).join(' ')).replace(/\d+/g, '').trim();
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

export function PatientHeader({ patient, asOf }: { patient: Patient; asOf: string }) {
  const age = ageInYears(patient.birthDate, asOf);
  return (
    <Box component="header" sx={{ px: 2, py: 1.5, bgcolor: 'primary.main', color: 'primary.contrastText' }}>
      <Typography variant="h1" data-testid="patient-name">{displayName(patient)}</Typography>
      <Typography variant="body2">
        {age !== null ? `${age} y` : 'Age unknown'} · {SEX[patient.gender ?? 'unknown'] ?? patient.gender}
        {patient.birthDate ? ` · DOB ${usDate(patient.birthDate)}` : ''} · Pain Care Panel as of {usDate(asOf)}
      </Typography>
    </Box>
  );
}
