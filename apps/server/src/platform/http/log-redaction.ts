import { maskIdNumber, maskPhone } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';

const ID_NUMBER = /\d{17}[\dXx]|(?<!\d)\d{15}(?!\d)/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** DP-02: masks ID numbers and mobiles in text bound for the logs (a search by ID number puts one in the URL). */
export function redactPersonal(text: string): string {
  const decoded = safeDecode(text);
  return decoded.replace(ID_NUMBER, (m) => maskIdNumber(m)).replace(MOBILE, (m) => maskPhone(m));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The request log line's request part, with personal data masked. */
export const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, url: redactPersonal(req.url), remoteAddress: req.ip }),
};
