import type { OperationOutcome } from 'fhir/r4';

/** An HTTP error the FHIR API answers with an OperationOutcome. */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  outcome(): OperationOutcome {
    return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: this.code as 'invalid', diagnostics: this.message }] };
  }
}
