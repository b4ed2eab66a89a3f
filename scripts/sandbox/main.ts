/**
 * `npm start` / `npm run sandbox`: starts the local SMART sandbox with the sample patients and serves the built
 * app. Options: --port (4100), --app-port (4101), --data <folder> (repeatable; also PCP_DATA, colon-separated)
 * to add a clinic's own FHIR bundles or NDJSON, --client id=redirectUri (repeatable), --app-dir (dist).
 */
import { existsSync } from 'node:fs';
import { startSandbox } from './server.ts';

function parse(argv: string[]) {
  const o = { port: 4100, appPort: 4101, data: [] as string[], clients: {} as Record<string, string>, appDir: 'dist' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--port') o.port = Number(value());
    else if (flag === '--app-port') o.appPort = Number(value());
    else if (flag === '--data') o.data.push(value());
    else if (flag === '--app-dir') o.appDir = value();
    else if (flag === '--client') {
      const spec = argv[i].startsWith('--client=') ? argv[i].slice('--client='.length) : argv[++i];
      const [id, uri] = spec.split(/=(.*)/s);
      o.clients[id] = uri;
    } else {
      console.error(`Unknown option ${argv[i]}`);
      process.exit(2);
    }
  }
  if (process.env.PCP_DATA) o.data.push(...process.env.PCP_DATA.split(':').filter(Boolean));
  return o;
}

const o = parse(process.argv.slice(2));
if (!existsSync(o.appDir)) {
  console.error(`The built app is missing (${o.appDir}/): run "npm run build" first (npm start does).`);
  process.exit(1);
}
const t0 = performance.now();
const sb = await startSandbox({ port: o.port, appPort: o.appPort, appDir: o.appDir, dataDirs: o.data, clients: o.clients });
for (const w of sb.warnings) console.warn(`warning: ${w}`);
console.log(`Pain Care Panel sandbox ready in ${Math.round(performance.now() - t0)} ms with ${sb.patients.length} patients.`);
console.log(`  Open the sandbox EHR:  ${sb.ehrUrl}`);
console.log(`  FHIR base (iss):       ${sb.fhirBaseUrl}`);
console.log(`  App launch URL:        ${sb.appUrl}/launch.html   (redirect ${sb.appUrl}/index.html, client id pain-care-panel)`);
const stop = () => sb.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
