/**
 * POST Observation with conditional create (If-None-Exist: identifier=system|value), like a real server — or,
 * with `fake.conditionalCreate` false, like a server that ignores the header (every POST creates).
 */
import { http, HttpResponse } from 'msw';
import type { Observation } from 'fhir/r4';
import { BASE, fake, outcome } from '../fake-fhir.ts';

let nextId = 1;

export function conditionalCreate(observation: Observation, ifNoneExist: string | null): { status: number; body: Observation } {
  const [system, value] = (ifNoneExist?.replace(/^identifier=/, '') ?? '').split('|');
  const existing = fake.resources.find(
    (r) => r.resourceType === 'Observation' && (r as Observation).identifier?.some((i) => i.system === system && i.value === value),
  ) as Observation | undefined;
  if (fake.conditionalCreate && ifNoneExist && existing) return { status: 200, body: existing };
  const created: Observation = { ...observation, id: `obs-new-${nextId++}`, meta: { versionId: '1' } };
  fake.resources.push(created);
  return { status: 201, body: created };
}

export const writeHandlers = [
  http.post(`${BASE}/Observation`, async ({ request }) => {
    if (!request.headers.get('authorization')) return HttpResponse.json(outcome('no token'), { status: 401 });
    const { status, body } = conditionalCreate((await request.json()) as Observation, request.headers.get('if-none-exist'));
    return HttpResponse.json(body as unknown as Record<string, unknown>, { status });
  }),
];
