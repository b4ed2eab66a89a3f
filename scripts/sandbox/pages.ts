/** HTML pages of the sandbox: the "EHR" patient list, the EHR launch frame and the standalone patient picker. */
import type { Patient } from 'fhir/r4';

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function patientName(p: Patient): string {
  const n = p.name?.find((x) => x.use === 'official') ?? p.name?.[0];
  if (!n) return p.id ?? 'Unnamed patient';
  return n.text ?? [...(n.given ?? []), n.family].filter(Boolean).join(' ').replace(/\d+/g, '');
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>
body{font-family:system-ui,sans-serif;margin:0;color:#1d2630}header{background:#234;color:#fff;padding:12px 20px}
main{padding:16px 20px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccd;padding:6px 8px;text-align:left}
a{color:#0b57d0}iframe{border:0;width:100%;height:calc(100vh - 52px)}button{font-size:1rem;padding:6px 14px;margin:4px}
</style></head><body>${body}</body></html>`;
}

export interface PatientRow {
  patient: Patient;
  description: string;
}

export function ehrHome(rows: PatientRow[], standaloneUrl: string): string {
  const body = rows
    .map(({ patient: p, description }) => `<tr><td>${esc(patientName(p))}</td><td>${esc(p.gender ?? '')}</td><td>${esc(p.birthDate ?? '')}</td>
<td>${esc(description)}</td><td><a href="/ehr/launch?patient=${encodeURIComponent(p.id ?? '')}">Launch</a></td></tr>`)
    .join('\n');
  return page(
    'Sandbox EHR',
    `<header><strong>Sandbox EHR</strong> — a local stand-in for the SMART Health IT launcher</header><main>
<p>Open a patient's chart and launch Pain Care Panel inside it (EHR launch), or try the
<a href="${esc(standaloneUrl)}">standalone launch</a> (you pick the patient at the sandbox), or open the
<a href="/ehr/launch?clinic=1">clinic registry</a> (clinic-level launch, no patient).</p>
<table><thead><tr><th>Patient</th><th>Sex</th><th>Birth date</th><th>Record</th><th>Pain Care Panel</th></tr></thead>
<tbody>${body}</tbody></table></main>`,
  );
}

export function ehrFrame(title: string, src: string): string {
  return page(title, `<header><a href="/" style="color:#fff">Sandbox EHR</a> › ${esc(title)}</header>
<iframe title="Pain Care Panel" src="${esc(src)}"></iframe>`);
}

export function picker(patients: Patient[], hidden: URLSearchParams): string {
  const fields = [...hidden].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
  const options = patients
    .map((p, i) => `<label><input type="radio" name="patient" value="${esc(p.id ?? '')}" ${i === 0 ? 'checked' : ''}> ${esc(patientName(p))} (${esc(p.birthDate ?? '')})</label><br>`)
    .join('\n');
  return page(
    'Choose a patient',
    `<header><strong>Sandbox authorization</strong></header><main><h1>Choose a patient</h1>
<p>Pain Care Panel asks to read this patient's record.</p>
<form method="post" action="/auth/decide">${fields}<fieldset><legend>Patient</legend>${options}</fieldset>
<button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny">Deny</button></form></main>`,
  );
}

export function errorPage(message: string): string {
  return page('Authorization error', `<header><strong>Sandbox authorization</strong></header><main><h1>Authorization error</h1><p>${esc(message)}</p></main>`);
}

export function notFoundPage(message: string): string {
  return page('Not found', `<header><a href="/" style="color:#fff">Sandbox EHR</a></header><main><h1>Not found</h1><p>${esc(message)}</p></main>`);
}
