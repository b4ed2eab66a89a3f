import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
    expect(screen.getByTestId('meds-opioid')).toHaveTextContent('oxycodone 5 MG Oral Tablet — active, ordered 10/01/2026');
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
    expect(screen.getByTestId('meds-naloxone')).toHaveTextContent('naloxone 4 MG nasal spray (2025) — completed (not current), ordered 05/20/2025');
    expect(screen.getByTestId('meds-naloxone')).not.toHaveTextContent('(2023)');
  });

  it('repeated orders of one product are one line: the latest order, how many, the date range; expand for all', async () => {
    const user = userEvent.setup();
    const months = Array.from({ length: 16 }, (_, i) => med({ class: 'opioid', display: i % 2 ? 'OXYCODONE 5 MG Oral Tablet' : 'oxycodone 5 MG Oral Tablet', medicationRequestId: `m${i}`, authoredOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-0${1 + Math.floor(i / 12)}` }));
    render(<MedicationsSection medications={[...months, med({ class: 'opioid', display: 'morphine 15 MG ER tablet', authoredOn: '2024-01-01' })]} conditions={[]} />);
    const lines = within(screen.getByTestId('meds-opioid')).getAllByRole('listitem');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toHaveTextContent('16 orders, 01/01/2025 – 12/01/2025');
    await user.click(within(lines[0]).getByRole('button', { name: /Show all 16 orders/ }));
    expect(within(lines[0]).getAllByRole('listitem')).toHaveLength(16);
  });

  it('conditions: one line per code; codes with no active record are collapsed under "Resolved or inactive"', async () => {
    const user = userEvent.setup();
    const dep = (i: number, status: string) => ({ conditionId: `d${i}`, display: 'Depression, unspecified', code: 'ICD-10-CM F32.A', category: 'depression', clinicalStatus: status, onsetOrRecorded: `20${10 + i}-03-01`, inRemission: false });
    const conditions = [
      ...Array.from({ length: 12 }, (_, i) => dep(i, i === 3 ? 'active' : 'resolved')),
      ...Array.from({ length: 20 }, (_, i) => ({ conditionId: `a${i}`, display: 'Alcohol abuse', code: 'ICD-10-CM F10.10', category: 'substance use disorder', clinicalStatus: 'resolved', onsetOrRecorded: `200${i % 10}-01-01`, inRemission: false })),
    ];
    render(<MedicationsSection medications={[]} conditions={conditions} />);
    const active = within(screen.getByTestId('conditions')).getAllByRole('listitem');
    expect(active).toHaveLength(1);
    expect(active[0]).toHaveTextContent('Depression, unspecified (ICD-10-CM F32.A) — depression; active; 12 records, 03/01/2010 – 03/01/2021');
    const resolved = screen.getByTestId('conditions-resolved');
    expect(within(resolved).queryByText(/Alcohol abuse/)).toBeNull();
    await user.click(within(resolved).getByRole('button', { name: 'Resolved or inactive: 1 condition' }));
    expect(resolved).toHaveTextContent('Alcohol abuse (ICD-10-CM F10.10) — substance use disorder; resolved; 20 records');
  });
});
