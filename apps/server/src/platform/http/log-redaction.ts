import { maskIdNumber, maskPhone } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';

const ID_NUMBER = /\d{17}[\dXx]|(?<!\d)\d{15}(?!\d)/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** The same numbers as people write them, in groups: 510104 19900101 1234, 139-1234-5678, 139 1234 5678. */
const GROUPED_ID = /(?<![\d*])\d{6}[ -]\d{8}[ -]\d{3}[\dXx](?![\d*])/g;
const GROUPED_MOBILE = /(?<![\d*])1[3-9]\d[ -]\d{4}[ -]\d{4}(?![\d*])/g;
/** Any other run of 7 or more digits (spaces between them allowed): a partial ID, a landline, a card number. */
const LONG_DIGITS = /(?<![\d*])\d(?: ?\d){6,}(?![\d*])/g;

const maskDigits = (run: string) => {
  const digits = run.replace(/\D/g, '');
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
};

/**
 * DP-02: masks ID numbers, mobiles and any other run of 7+ digits in text that leaves the record it belongs
 * to: log lines, audit details, messages quoting what a user typed or uploaded. Nothing is decoded.
 */
export function maskPersonal(text: string): string {
  return text
    .replace(ID_NUMBER, (m) => maskIdNumber(m))
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(GROUPED_ID, (m) => maskIdNumber(m.replace(/[ -]/g, '')))
    .replace(GROUPED_MOBILE, (m) => maskPhone(m.replace(/[ -]/g, '')))
    .replace(LONG_DIGITS, maskDigits);
}

/** DP-02: as maskPersonal, for a URL or a query string, which is decoded first (%31%33… is still a number). */
export function redactPersonal(text: string): string {
  return maskPersonal(safeDecode(text));
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
