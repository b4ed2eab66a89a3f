/**
 * Date shifting: the Synthea records end in 2019–2021, so against today every order has expired. On load the
 * sandbox moves each patient's dates by a whole number of days (stored fixtures stay as they are):
 * - a Bundle with `timestamp` is a scenario whose designed "as of" date is that timestamp: it maps to today;
 * - otherwise the patient's latest clinical date maps to yesterday (so "due today" items show as due).
 * Every date, dateTime and instant moves — birthDate and deceasedDateTime too, so ages at the last activity are
 * kept. Partial dates (YYYY, YYYY-MM) and `meta` are left alone.
 */
import type { Resource } from 'fhir/r4';

const DATE = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/;
const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  return Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS);
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function shiftDateString(value: string, days: number): string {
  const m = DATE.exec(value);
  if (!m) return value;
  return fromDayNumber(dayNumber(value) + days) + (m[4] ?? '');
}

/** Returns a deep copy of `value` with every full date string shifted by `days`. */
export function shiftDates<T>(value: T, days: number): T {
  if (days === 0) return value;
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return key === 'id' || key === 'reference' || key === 'code' ? v : shiftDateString(v, days);
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = k === 'meta' ? x : walk(x, k);
      return out;
    }
    return v;
  };
  return walk(value, '') as T;
}

/** Clinical dates that say when the patient was last seen or treated (not birth or death). */
const ACTIVITY_FIELDS = [
  'authoredOn', 'effectiveDateTime', 'issued', 'recordedDate', 'onsetDateTime', 'performedDateTime', 'date', 'start',
];

export function latestActivity(resources: readonly Resource[]): string | null {
  let latest: string | null = null;
  for (const r of resources) {
    if (r.resourceType === 'Patient' || r.resourceType === 'Appointment') continue; // booked visits lie in the future
    const rec = r as unknown as Record<string, unknown>;
    const candidates: unknown[] = ACTIVITY_FIELDS.map((f) => rec[f]);
    const period = (rec.period ?? rec.performedPeriod ?? rec.effectivePeriod) as { start?: string } | undefined;
    if (period?.start) candidates.push(period.start);
    for (const c of candidates) {
      if (typeof c === 'string' && DATE.test(c)) {
        const d = c.slice(0, 10);
        if (!latest || d > latest) latest = d;
      }
    }
  }
  return latest;
}

/** Days to add so that `anchor` (designed as-of, or latest activity) lands on `today` (or yesterday for activity). */
export function shiftDays(resources: readonly Resource[], today: string, bundleTimestamp?: string): number {
  if (bundleTimestamp && DATE.test(bundleTimestamp)) return dayNumber(today) - dayNumber(bundleTimestamp.slice(0, 10));
  const latest = latestActivity(resources);
  return latest ? dayNumber(today) - 1 - dayNumber(latest) : 0;
}
