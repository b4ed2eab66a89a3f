/**
 * Evidence events for the PDMP check and the patient agreement (clinical-rules.md §4.1, §6; pitfall 14).
 * - PDMP: resulted Observation with a policy.codes.pdmpObservation code (SNOMED 461651000124104 + local), or a
 *   completed Procedure with a policy.codes.pdmpProcedure code (SNOMED 461621000124108 + local), dated by
 *   effective/performed.
 * - Agreement: resulted Observation or DocumentReference with a policy.codes.agreement code (LOINC 94136-9 +
 *   local), dated by signature: a signature-date extension, else the attested date (DocumentReference.date, else
 *   the attachment's creation date). Not a signature: docStatus preliminary/entered-in-error, status
 *   entered-in-error, a "printed"/"unsigned" marker in the description or title, or an Observation valued
 *   false / "declined" / "printed".
 */
import type { DocumentReference, Extension, Observation, Procedure } from 'fhir/r4';
import { codeSet, findCoding } from '../codes/systems.ts';
import { datePart } from '../dates.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate } from '../types.ts';
import { observationDate } from './values.ts';

export interface EvidenceEvent {
  date: IsoDate;
  value: string;
  resource: string; // "Observation/id"
}

const byDateDesc = (a: EvidenceEvent, b: EvidenceEvent) => b.date.localeCompare(a.date);

/** Every PDMP check on file (any date; the rules keep those on or before asOf), newest first. */
export function pdmpEvents(observations: readonly Observation[], procedures: readonly Procedure[], policy: Policy): EvidenceEvent[] {
  const obsCodes = codeSet(policy.codes.pdmpObservation.codes);
  const procCodes = codeSet(policy.codes.pdmpProcedure.codes);
  const out: EvidenceEvent[] = [];
  for (const o of observations) {
    try {
      if (findCoding(o.code, obsCodes)) out.push({ date: observationDate(o) as IsoDate, value: 'PDMP reviewed', resource: `Observation/${o.id ?? ''}` });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  for (const p of procedures) {
    try {
      if (p.status !== 'completed' || !findCoding(p.code, procCodes)) continue;
      const date = datePart(p.performedDateTime) ?? datePart(p.performedPeriod?.end) ?? datePart(p.performedPeriod?.start);
      if (date) out.push({ date, value: 'PDMP reviewed', resource: `Procedure/${p.id ?? ''}` });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  return out.sort(byDateDesc);
}

const NOT_SIGNED_TEXT = /\bprint(ed|out)?\b|\bunsigned\b|\bnot signed\b|\bdeclined\b|\brefused\b/i;

function signatureExtension(exts: readonly Extension[] | undefined): IsoDate | null {
  for (const e of exts ?? []) {
    if (/sign|authenticat/i.test(e.url)) {
      const d = datePart(e.valueDateTime ?? e.valueDate ?? e.valueInstant);
      if (d) return d;
    }
  }
  return null;
}

export interface AgreementReading {
  events: EvidenceEvent[];
  /** Documents seen but not counted as signed (printed, preliminary…), with their date, for the data notes. */
  notSigned: { date: IsoDate | null; text: string }[];
}

/** Every signed agreement on file (any date; the rules keep those on or before asOf), newest first. */
export function agreementEvents(observations: readonly Observation[], documents: readonly DocumentReference[], policy: Policy): AgreementReading {
  const codes = codeSet(policy.codes.agreement.codes);
  const events: EvidenceEvent[] = [];
  const notSigned: AgreementReading['notSigned'] = [];
  for (const o of observations) {
    try {
      if (!findCoding(o.code, codes)) continue;
      const text = o.valueString ?? o.valueCodeableConcept?.text ?? o.valueCodeableConcept?.coding?.[0]?.display ?? '';
      if (o.valueBoolean === false || NOT_SIGNED_TEXT.test(text)) {
        notSigned.push({ date: observationDate(o), text: `Agreement recorded ${observationDate(o) ?? ''} as "${text || 'not signed'}" — not counted as signed` });
        continue;
      }
      events.push({ date: signatureExtension(o.extension) ?? (observationDate(o) as IsoDate), value: 'signed', resource: `Observation/${o.id ?? ''}` });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  for (const d of documents) {
    try {
      const typed = findCoding(d.type, codes) ?? (d.category ?? []).map((c) => findCoding(c, codes)).find((c) => c);
      if (!typed || d.status === 'entered-in-error') continue;
      const label = `DocumentReference/${d.id ?? ''}`;
      const shownDate = datePart(d.date);
      const doc = `Agreement document${shownDate ? ` dated ${shownDate}` : ''}${d.description ? ` ("${d.description}")` : ''}`;
      const texts = [d.description, ...(d.content ?? []).map((c) => c.attachment?.title)].filter((t): t is string => !!t);
      if (d.docStatus === 'preliminary' || d.docStatus === 'entered-in-error' || texts.some((t) => NOT_SIGNED_TEXT.test(t))) {
        notSigned.push({ date: shownDate, text: `${doc}: ${d.docStatus === 'preliminary' ? 'preliminary' : 'printed/unsigned'} — not counted as a signed agreement` });
        continue;
      }
      const date =
        signatureExtension(d.extension) ?? datePart(d.date) ?? datePart(d.content?.find((c) => c.attachment?.creation)?.attachment.creation);
      if (!date) {
        notSigned.push({ date: null, text: `${doc}: no signature date — not counted` });
        continue;
      }
      events.push({ date, value: 'signed', resource: label });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  return { events: events.filter((e) => e.date).sort(byDateDesc), notSigned };
}
