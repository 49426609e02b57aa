import { createHash } from 'node:crypto';
import type { AddressObject, Attachment, ParsedMail } from 'mailparser';

/** A receipt's fields as a message gives them (the shape `DakService.diariseFromMail` takes). */
export interface MailFields {
  subject: string;
  senderName: string;
  senderOffice: string | null;
  receivedAt: Date;
  language: 'hi' | 'en' | 'other';
  scans: Array<{ filename: string; contentType: string; bytes: Buffer }>;
  remarks: string | null;
}

/** The register's limits on what a clerk may type (CreateDakDto), kept for mail too. */
export const SUBJECT_MAX = 500;
export const SENDER_NAME_MAX = 200;
/** Room is left under the 2,000 of a typed remark for what the register adds (attachments it kept out). */
export const MAIL_REMARKS_MAX = 1500;
/** RFC 5322's line limit: a longer Message-ID is a broken one, and is cut. */
const MESSAGE_KEY_MAX = 998;

export const NO_SUBJECT = '(विषय नहीं / no subject)';
export const UNKNOWN_SENDER = '(प्रेषक अज्ञात / unknown sender)';

const DEVANAGARI = /\p{Script=Devanagari}/gu;
const LATIN = /\p{Script=Latin}/gu;
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * The letter's language as the dak register records it. Devanagari anywhere in the subject makes
 * it Hindi (a bilingual subject is a Hindi letter with an English gloss); in the body it must be
 * more than a signature's worth: at least a fifth as many Devanagari letters as Latin ones.
 * Latin letters alone: English. Neither (no text, or another script): other.
 */
export function mailLanguage(subject: string, body: string): 'hi' | 'en' | 'other' {
  if (count(subject, DEVANAGARI) > 0) return 'hi';
  const hi = count(body, DEVANAGARI);
  const latin = count(subject, LATIN) + count(body, LATIN);
  if (hi >= 3 && hi * 5 >= latin) return 'hi';
  if (latin >= 3) return 'en';
  return 'other';
}

/** Cuts at a character boundary (never inside a surrogate pair), marking the cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The first mailbox of a From (or Sender) header. */
function firstAddress(from: AddressObject | AddressObject[] | undefined): { name: string; address: string } | undefined {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  for (const obj of list)
    for (const a of obj.value) {
      if (a.address || a.name) return { name: oneLine(a.name ?? ''), address: (a.address ?? '').trim() };
      const member = a.group?.find((g) => g.address);
      if (member) return { name: oneLine(member.name ?? ''), address: member.address!.trim() };
    }
  return undefined;
}

/** The From line as written, for the mail record: `Name <address>`. */
export function senderLine(mail: Pick<ParsedMail, 'from'>): string | null {
  const from = firstAddress(mail.from);
  if (!from) return null;
  return clip(from.name && from.address ? `${from.name} <${from.address}>` : from.name || from.address, 500);
}

/**
 * What identifies the message wherever it is fetched from: its Message-ID, or, without one,
 * a hash of the whole message (the same bytes are the same message).
 */
export function messageKey(messageId: string | undefined, raw: Buffer): string {
  const id = messageId?.trim();
  if (id) return clip(id, MESSAGE_KEY_MAX);
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

/**
 * The attachments that become scans: every attachment a person attached, not the pictures an
 * HTML body shows inline (logos, signatures: `related`, referenced by cid). Which kinds the
 * register keeps as scans (PDF, JPEG, PNG by content) is the register's decision.
 */
export function attachmentsOf(mail: Pick<ParsedMail, 'attachments'>): MailFields['scans'] {
  return mail.attachments
    .filter((a: Attachment) => !a.related && a.content.length > 0)
    .map((a: Attachment, i) => ({
      filename: clip(oneLine(a.filename ?? '') || `attachment-${i + 1}${extensionOf(a.contentType)}`, 200),
      contentType: a.contentType || 'application/octet-stream',
      bytes: a.content,
    }));
}

function extensionOf(contentType: string | undefined): string {
  switch ((contentType ?? '').toLowerCase()) {
    case 'application/pdf':
      return '.pdf';
    case 'image/jpeg':
      return '.jpg';
    case 'image/png':
      return '.png';
    default:
      return '';
  }
}

/**
 * An HTML body as plain text for the remarks, when mailparser gave no text (it derives one only
 * from a top-level HTML part, not from one inside multipart/related): blocks become lines, tags go,
 * entities are read.
 */
export function htmlAsText(html: string): string {
  return html
    .replace(/<(style|script|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|table)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|nbsp|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
      const named: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (e[0] !== '#') return named[e.toLowerCase()]!;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
}

/** The body as text: the plain part, or the one mailparser derives from the HTML part, or ours. */
function bodyText(mail: Pick<ParsedMail, 'text' | 'html'>): string {
  const text = mail.text?.trim() ? mail.text : typeof mail.html === 'string' ? htmlAsText(mail.html) : '';
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The receipt's fields from a parsed message. The sender is the From's display name (its
 * address when it has none); the address, and the body (often the letter itself), go in the
 * remarks for the clerk confirming the item; the sender's office is left to the clerk, since an
 * address does not name one. Received-at is when our mail server took the message (its IMAP
 * INTERNALDATE), never the sender's own Date header, and never later than now.
 */
export function mailFields(mail: ParsedMail, internalDate: Date | undefined, now: Date): MailFields {
  const subject = oneLine(mail.subject ?? '');
  const body = bodyText(mail);
  const from = firstAddress(mail.from);
  const received = internalDate && !Number.isNaN(internalDate.getTime()) && internalDate <= now ? internalDate : now;
  const remarks: string[] = [];
  if (from?.address) remarks.push(`ई-मेल / E-mail: ${from.address}`);
  if (body) remarks.push(body);
  const text = remarks.join('\n\n');
  return {
    subject: clip(subject || NO_SUBJECT, SUBJECT_MAX),
    senderName: clip(from?.name || from?.address || UNKNOWN_SENDER, SENDER_NAME_MAX),
    senderOffice: null,
    receivedAt: received,
    language: mailLanguage(subject, body),
    scans: attachmentsOf(mail),
    remarks: text ? clip(text, MAIL_REMARKS_MAX) : null,
  };
}
