/**
 * AUTH-06: how long one password verification takes at the production cost (target ≥ 100 ms), beside the
 * cheap cost the tests use, in the same run. `npx tsx bench/src/password-cost.ts`
 */
import { generateKeySet } from '../../apps/server/src/platform/crypto/keys.js';
import { PASSWORD_COST, type PasswordCost, softwareCrypto } from '../../apps/server/src/platform/crypto/provider.js';

async function median(cost: PasswordCost, runs: number): Promise<number> {
  const crypto = softwareCrypto(generateKeySet(), cost);
  const hash = await crypto.hashPassword('Ceshi#Mima2026');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    if (!(await crypto.verifyPassword(hash, 'Ceshi#Mima2026'))) throw new Error('verification failed');
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const production = await median(PASSWORD_COST, 9);
const owaspMinimum = await median({ memoryCost: 19_456, timeCost: 2, parallelism: 1 }, 9);
console.log(
  `argon2id m=${PASSWORD_COST.memoryCost} KiB t=${PASSWORD_COST.timeCost}: ${production.toFixed(1)} ms per verification (median of 9)`,
);
console.log(
  `OWASP minimum m=19456 KiB t=2, same run: ${owaspMinimum.toFixed(1)} ms; ratio ${(production / owaspMinimum).toFixed(2)}×`,
);
