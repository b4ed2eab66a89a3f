/**
 * The launch sequence of index.html: complete the SMART authorization, read the patient (a rejected token
 * shows up here, before anything else), then fill the store. The single hook point between the SMART session
 * and the data layer.
 */
import FHIR from 'fhirclient/lib/entry/browser';
import type Client from 'fhirclient/lib/Client';
import { classifyLaunchError, type LaunchFailure } from '../fhir/smart.ts';
import { clinicDay, systemClock } from '../store/clock.ts';

export type LaunchOutcome =
  | { kind: 'patient'; client: Client; asOf: string }
  | { kind: 'registry'; client: Client; asOf: string }
  | { kind: 'failed'; failure: LaunchFailure };

/**
 * fhirclient settings for this page (where tokens are refreshed): refresh requests name the client
 * (`client_id`), as EHRs that bind a refresh token to its public client require. fhirclient 2.6.3 reads this
 * from FHIR.oauth2.settings when refreshing — not from the authorize() options of launch.html.
 */
export function configureFhirClient(settings: { refreshTokenWithClientId?: boolean } = FHIR.oauth2.settings): void {
  settings.refreshTokenWithClientId = true;
}

export async function bootstrap(): Promise<LaunchOutcome> {
  configureFhirClient();
  const search = window.location.search;
  if (new URLSearchParams(search).get('error')) return { kind: 'failed', failure: classifyLaunchError(null, search) };
  try {
    performance.mark('pcp:token-exchange');
    const client = await FHIR.oauth2.ready();
    performance.mark('pcp:token-ready');
    const asOf = clinicDay(systemClock);
    const patientId = client.getPatientId();
    if (!patientId) return { kind: 'registry', client, asOf };
    // The Patient is read once, by the loader, through the retrying transport, in parallel with every search;
    // a rejected token shows up there as the session error. The first requests are on their way before the
    // outcome reaches React (its first render of the panel must not hold them up).
    void startLaunch(client, asOf);
    await launchStarted;
    return { kind: 'patient', client, asOf };
  } catch (e) {
    return { kind: 'failed', failure: classifyLaunchError(e, search) };
  }
}

/** Registry → one patient's panel with the same (user-level) session. */
export function openPatient(client: Client, patientId: string, asOf: string): void {
  // fhirclient and the loader read the patient from the token response: point it at the chosen patient.
  client.state.tokenResponse = { ...client.state.tokenResponse, patient: patientId };
  void startLaunch(client, asOf);
}

/**
 * The loader, its queries and code lists are their own chunk (main.ts has already asked for it). The support
 * team's requests are read at the same time as the record, not after the panel has drawn its section.
 */
let launchStarted: Promise<unknown> = Promise.resolve();

async function startLaunch(client: Client, asOf: string): Promise<void> {
  const module = import('../store/launch.ts');
  launchStarted = module.catch(() => undefined);
  let launchPanel: typeof import('../store/launch.ts')['launchPanel'];
  try {
    ({ launchPanel } = await module);
  } catch (e) {
    return reportAppLoadFailure(e);
  }
  performance.mark('pcp:loader-start');
  const loading = launchPanel(client, { asOf, clock: systemClock });
  const patientId = client.getPatientId();
  if (patientId) {
    const { useReviewsStore } = await import('../store/reviews-store.ts');
    if (!useReviewsStore.getState().patients[patientId]) void useReviewsStore.getState().loadPatient(client, patientId);
  }
  await loading;
}

/** The loader's chunk could not be downloaded: every section says so (never an empty "nothing due"). */
async function reportAppLoadFailure(e: unknown): Promise<void> {
  (await import('../store/app-load-failure.ts')).reportAppLoadFailure(e);
}
