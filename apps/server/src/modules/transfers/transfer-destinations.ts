import type { Ctx } from '../../context.js';
import { searchDestinations } from './transfer.repository.js';

/**
 * The destination directory: active orgs that keep members, found by name, full pinyin or initials, anywhere
 * in the city, for a user who holds transfer.manage somewhere.
 *
 * Why this is not a scope leak (AZ-03): a sender must address a letter to an org it cannot otherwise see, as on
 * the paper letter. The directory answers like a phone book: only each org's id, its name and its district's
 * name, and only for the kinds a member can belong to. No members, counts, committees, people or tree
 * structure; the id opens nothing (every org route still checks org.read), and a transfer's receiving side acts
 * on its own permission. The names of the city's Party organisations are not secret within the system.
 */
export async function transferDestinations(ctx: Ctx, q: string) {
  ctx.access.requireAnywhere('transfer.manage');
  return { items: await searchDestinations(ctx.db, q) };
}
