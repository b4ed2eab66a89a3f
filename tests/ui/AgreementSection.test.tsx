import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AgreementSection } from '../../src/ui/sections/AgreementSection.tsx';
import { PdmpAttestation } from '../../src/ui/sections/PdmpAttestation.tsx';
import { http, HttpResponse } from 'msw';
import { BASE, resetFake } from '../fhir/msw/fake-fhir.ts';
import { server } from '../fhir/msw/server.ts';
import { AS_OF, item } from './fixtures.ts';
import { launchSession, reload, written } from './write-harness.ts';

describe('Patient agreement', () => {
  it('shows status, signed date and renewal due date; the rule on demand', async () => {
    const user = userEvent.setup();
    render(<AgreementSection agreement={item({ item: 'agreement', status: 'due-soon', lastDate: '2025-12-10', lastValue: 'signed', dueDate: '2026-12-10', reason: 'Every 12 months (WA rule)' })} asOf={AS_OF} />);
    const box = screen.getByTestId('agreement');
    expect(box).toHaveTextContent('Status:Due soon');
    expect(box).toHaveTextContent('Signed12/10/2025');
    expect(box).toHaveTextContent('Renewal due12/10/2026');
    expect(box).not.toHaveTextContent('WA rule');
    await user.click(screen.getByRole('button', { name: 'Why: patient agreement' }));
    expect(box).toHaveTextContent('Why: Every 12 months (WA rule)');
  });

  it('never signed: says so and reads as needing action', () => {
    render(<AgreementSection agreement={item({ item: 'agreement', status: 'never-done' })} />);
    expect(screen.getByTestId('agreement')).toHaveTextContent('Never done');
    expect(screen.getByText('No signed agreement on file')).toBeInTheDocument();
  });

  it('could not check: unknown dates and the reason', async () => {
    const user = userEvent.setup();
    render(<AgreementSection agreement={item({ item: 'agreement', status: 'unavailable', reason: 'agreement search failed (403)' })} />);
    expect(screen.getAllByText('Unknown')).toHaveLength(2);
    expect(screen.getByTestId('agreement')).toHaveTextContent('Could not check');
    await user.click(screen.getByRole('button', { name: 'Why: patient agreement' }));
    expect(screen.getByText('Could not check — agreement search failed (403)')).toBeInTheDocument();
  });

  it('empty: no agreement rule for this patient', () => {
    render(<AgreementSection agreement={null} />);
    expect(screen.getByText('No patient agreement rule applies to this patient.')).toBeInTheDocument();
  });
});

describe('PDMP checked today (attestation)', () => {
  vi.setConfig({ testTimeout: 20_000 }); // saves through the real store and msw
  const LABEL = /PDMP checked today \(11\/22\/2026\)/;
  beforeEach(() => resetFake([]));

  it('needs a deliberate tick before it can be saved, then saves once', async () => {
    const user = userEvent.setup();
    launchSession();
    render(<PdmpAttestation asOf={AS_OF} canWrite />);
    const save = screen.getByRole('button', { name: 'Save PDMP check' });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: LABEL }));
    await user.click(save);
    expect(await screen.findByText('Saved to the chart: PDMP checked 11/22/2026.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save PDMP check' })).not.toBeInTheDocument();
    expect(written().map((o) => o.code.coding?.[0].code)).toEqual(['461651000124104']);
  });

  it('a failed save offers Retry, which files the check once', async () => {
    const user = userEvent.setup();
    launchSession();
    let down = true;
    server.use(http.post(`${BASE}/Observation`, () => (down ? HttpResponse.error() : undefined)));
    render(<PdmpAttestation asOf={AS_OF} canWrite />);
    await user.click(screen.getByRole('checkbox', { name: LABEL }));
    await user.click(screen.getByRole('button', { name: 'Save PDMP check' }));
    expect(await screen.findByText(/Could not save the PDMP check: Could not reach the EHR — your answers are kept; try again. Retry will not create a duplicate/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: LABEL })).toBeChecked();
    down = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText('Saved to the chart: PDMP checked 11/22/2026.');
    expect(written()).toHaveLength(1);
  });

  it('the tick is a draft: a reload keeps it for this patient until saved or discarded', async () => {
    const user = userEvent.setup();
    launchSession();
    render(<PdmpAttestation asOf={AS_OF} canWrite />);
    await user.click(screen.getByRole('checkbox', { name: LABEL }));
    reload();
    launchSession();
    render(<PdmpAttestation asOf={AS_OF} canWrite />);
    expect(screen.getByRole('checkbox', { name: LABEL })).toBeChecked();
    expect(screen.getByText('Restored from 11/22/2026: your unsaved PDMP check. Check, then save or discard the draft.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(screen.getByRole('checkbox', { name: LABEL })).not.toBeChecked();
    expect(sessionStorage.length).toBe(0);
  });

  it('without write permission: explains and offers the text', () => {
    render(<PdmpAttestation asOf={AS_OF} canWrite={false} />);
    expect(screen.getByText(/does not let the app save to the chart/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'PDMP text to copy' })).toHaveValue('PDMP reviewed for this patient on 11/22/2026 (SNOMED 461651000124104).');
    expect(screen.queryByRole('button', { name: 'Save PDMP check' })).not.toBeInTheDocument();
  });
});
