/**
 * QA: risk tier with unread sources, excluded populations vs medication gaps, and SUD/OUD recency by abatement
 * (issue 4: "missing data never yields low"; "other SUD active or recorded in the last 12 months").
 */
import { ICD, condition, ort } from '../risk/build.ts';
import { ago, json, oxy5, panel } from './qa-build.ts';

const tierOf = (rs: Parameters<typeof json>[0]) => json(rs).risk;

describe('QA risk: moderate tier with an unread source says the tier may be higher', () => {
  it('ORT 5 (moderate) with conditions unavailable → moderate, with a U-source-conditions reason', () => {
    const r = panel([oxy5(2), ort(5)], { conditions: { state: 'unavailable', reason: 'HTTP 503' } }).risk;
    expect(r.tier).toBe('moderate');
    expect(r.reasons.map((x) => x.id)).toEqual(['M2-ort-4', 'U-source-conditions']);
  });
  it('OUD F11.20 resolved 400 days ago → moderate (history older than 12 months)', () => {
    const r = tierOf([oxy5(2), ort(2), condition(ICD, 'F11.20', 'Opioid dependence', { status: 'resolved', recorded: ago(400) })]);
    expect(r.tier).toBe('moderate');
    expect(r.reasons.map((x) => x.id)).toContain('M3-sud-history');
  });
});

describe('QA risk: excluded population decided before a medication gap', () => {
  it('age 16 with medications unavailable → not-applicable (age), not unknown', () => {
    const r = panel([ort(2)], { medications: { state: 'unavailable' } }, '2010-01-01').risk;
    expect(r.tier).toBe('not-applicable');
    expect(r.reasons[0].id).toBe('NA-age');
  });
  it('adult with medications unavailable and no exclusion → unknown', () => {
    expect(panel([ort(2)], { medications: { state: 'unavailable' } }).risk.tier).toBe('unknown');
  });
});

describe('QA risk: SUD present within 12 months counts by its abatement date too', () => {
  const abated = (code: string, abatement: string) => ({ ...condition(ICD, code, 'Alcohol dependence', { status: 'resolved', recorded: ago(800) }), abatementDateTime: abatement });
  it.each([
    ['F10.20 recorded 800 d ago, abated 100 d ago (present within 12 months)', 'F10.20', ago(100), 'high'],
    ['F10.20 recorded 800 d ago, abated 400 d ago', 'F10.20', ago(400), 'moderate'],
    ['F11.20 recorded 800 d ago, abated 365 d ago', 'F11.20', ago(365), 'high'],
    ['F11.20 recorded 800 d ago, abated 366 d ago', 'F11.20', ago(366), 'moderate'],
  ])('%s → %s', (_c, code, abatement, tier) => {
    expect(tierOf([oxy5(2), ort(2), abated(code, abatement)]).tier).toBe(tier);
  });
});
