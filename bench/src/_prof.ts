import fs from 'node:fs';
import { buildApp } from '../../apps/server/src/app.js';
import { openDeps } from '../../apps/server/src/platform/open-deps.js';
import { benchConfig } from './paths.js';

const dir = process.argv[2]!;
const meta = JSON.parse(fs.readFileSync(`${dir}/bench-meetings.json`, 'utf8'));
const deps = await openDeps(benchConfig(dir));
const app = await buildApp(deps);
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'bench_city_admin', password: 'Bench#Tongxin2026' },
});
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
const url = `/api/meetings/compliance?orgId=${meta.cityId}&year=${meta.years[0]}&kind=committee_meeting&pageSize=50`;
await app.inject({ method: 'GET', url, headers: { cookie } });
const t0 = performance.now();
for (let i = 0; i < 2; i++) await app.inject({ method: 'GET', url, headers: { cookie } });
console.log('route ms', (performance.now() - t0) / 2);
await app.close();
await deps.database.close();
