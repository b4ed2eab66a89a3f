import { render, screen } from '@testing-library/react';
import { MedicationsSection } from '../../src/ui/sections/MedicationsSection.tsx';
import type { MedicationEntry } from '../../src/clinical/types.ts';

const med = (m: Partial<MedicationEntry> & Pick<MedicationEntry, 'class' | 'display'>): MedicationEntry => ({
  medicationRequestId: m.display,
  status: 'active',
  authoredOn: '2026-10-01',
  current: true,
  matchedBy: 'RxNorm in CDC value set',
  ...m,
});

describe('Medications and conditions', () => {
  it('groups current medicines by class (opioids, MOUD, benzodiazepines, other CNS depressants, naloxone)', () => {
    render(
      <MedicationsSection
        medications={[
          med({ class: 'opioid', display: 'oxycodone 5 MG Oral Tablet' }),
          med({ class: 'moud', display: 'buprenorphine / naloxone film' }),
          med({ class: 'benzodiazepine', display: 'alprazolam 0.5 MG', matchedBy: 'RxNorm 308047 in CDC benzodiazepine-medications' }),
          med({ class: 'cns-depressant', display: 'gabapentin 300 MG', detail: 'CNS depressant: gabapentinoid' }),
          med({ class: 'opioid', display: 'hydrocodone (stopped 2024)', current: false, status: 'stopped' }),
        ]}
        conditions={[]}
      />,
    );
    expect(screen.getByTestId('meds-opioid')).toHaveTextContent('oxycodone 5 MG Oral Tablet · active, ordered 10/01/2026');
    expect(screen.getByTestId('meds-opioid')).not.toHaveTextContent('hydrocodone');
    expect(screen.getByTestId('meds-moud')).toHaveTextContent('buprenorphine / naloxone film');
    expect(screen.getByTestId('meds-benzodiazepine')).toHaveTextContent('Matched by RxNorm 308047 in CDC benzodiazepine-medications');
    expect(screen.getByTestId('meds-cns-depressant')).toHaveTextContent('gabapentin 300 MG — CNS depressant: gabapentinoid');
    expect(screen.getByText('No naloxone prescription on file.')).toBeInTheDocument();
  });

  it('lists the conditions behind the tier with their codes', () => {
    render(
      <MedicationsSection
        medications={[]}
        conditions={[
          { conditionId: 'c1', display: 'Obstructive sleep apnea', code: 'ICD-10-CM G47.33', category: 'sleep apnea', clinicalStatus: 'active', onsetOrRecorded: '2024-02-03', inRemission: false },
          { conditionId: 'c2', display: 'Opioid use disorder, mild', code: 'ICD-10-CM F11.10', category: 'opioid use disorder', clinicalStatus: 'active', onsetOrRecorded: null, inRemission: true },
        ]}
      />,
    );
    const list = screen.getByTestId('conditions');
    expect(list).toHaveTextContent('Obstructive sleep apnea (ICD-10-CM G47.33) — sleep apnea; active; since 02/03/2024');
    expect(list).toHaveTextContent('Opioid use disorder, mild (ICD-10-CM F11.10) — opioid use disorder, in remission; active');
  });

  it('empty: none current in every class and no conditions', () => {
    render(<MedicationsSection medications={[]} conditions={[]} />);
    expect(screen.getAllByText('None current.')).toHaveLength(4);
    expect(screen.getByText('No relevant conditions on file.')).toBeInTheDocument();
  });

  it('naloxone: shows the latest rescue kit even when the one-time order is no longer current', () => {
    render(
      <MedicationsSection
        medications={[
          med({ class: 'naloxone', display: 'naloxone 4 MG nasal spray (2025)', current: false, status: 'completed', authoredOn: '2025-05-20' }),
          med({ class: 'naloxone', display: 'naloxone 4 MG nasal spray (2023)', current: false, status: 'completed', authoredOn: '2023-01-02' }),
        ]}
        conditions={[]}
      />,
    );
    expect(screen.getByTestId('meds-naloxone')).toHaveTextContent('naloxone 4 MG nasal spray (2025) · completed (not current), ordered 05/20/2025');
    expect(screen.getByTestId('meds-naloxone')).not.toHaveTextContent('(2023)');
  });
});
