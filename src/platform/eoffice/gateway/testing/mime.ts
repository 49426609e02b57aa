// Just enough of RFC 5322 / 2045-2047 to read back what nodemailer sends: headers (unfolded,
// encoded words decoded), nested multiparts, base64 and quoted-printable bodies. For tests
// only; no mail parser is installed and this avoids adding one.

export interface MimePart {
  /** Raw header values by lower-case name (first occurrence), unfolded but not decoded. */
  readonly headers: ReadonlyMap<string, string>;
  /** e.g. `multipart/mixed`, `application/pdf`, lower case. */
  readonly contentType: string;
  readonly params: Readonly<Record<string, string>>;
  /** Transfer-decoded body of a leaf part; empty for multiparts. */
  readonly body: Buffer;
  readonly parts: readonly MimePart[];
}

export function parseMime(raw: Buffer | string): MimePart {
  const text = Buffer.isBuffer(raw) ? raw.toString('latin1') : raw; // latin1 keeps bytes 1:1
  const split = text.search(/\r?\n\r?\n/);
  const headerText = split < 0 ? text : text.slice(0, split);
  const bodyText = split < 0 ? '' : text.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = parseHeaders(headerText);
  const [contentType, params] = parseParams(headers.get('content-type') ?? 'text/plain');
  if (contentType.startsWith('multipart/') && params.boundary) {
    return {
      headers,
      contentType,
      params,
      body: Buffer.alloc(0),
      parts: splitMultipart(bodyText, params.boundary),
    };
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  return { headers, contentType, params, body: decodeBody(bodyText, encoding), parts: [] };
}

/** Every leaf part, depth first. */
export function leafParts(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leafParts);
}

/** The filename of an attachment from Content-Disposition or Content-Type. */
export function filenameOf(part: MimePart): string | undefined {
  const [, disposition] = parseParams(part.headers.get('content-disposition') ?? 'inline');
  return disposition.filename ?? part.params.name;
}

/** RFC 2047: decodes `=?UTF-8?B?...?=` / `=?UTF-8?Q?...?=` words, joining adjacent ones. */
export function decodeHeader(value: string): string {
  const words = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  let pending: Buffer[] = [];
  let out = '';
  let last = 0;
  const flush = (): void => {
    out += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  for (let m = words.exec(joined); m; m = words.exec(joined)) {
    if (m.index > last) {
      flush();
      out += joined.slice(last, m.index);
    }
    const [, , kind, data] = m;
    pending.push(
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQ(data.replace(/_/g, ' ')),
    );
    last = m.index + m[0].length;
  }
  flush();
  return out + joined.slice(last);
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function parseParams(value: string): [string, Record<string, string>] {
  const [head, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const item of rest) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    params[item.slice(0, eq).trim().toLowerCase()] = item
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return [head.trim().toLowerCase(), params];
}

function splitMultipart(body: string, boundary: string): MimePart[] {
  const delimiter = `--${boundary}`;
  const sections = body.split(
    new RegExp(`(?:^|\\r?\\n)${escapeRegExp(delimiter)}(?=--|[ \\t]*\\r?\\n|$)`),
  );
  // sections[0] is the preamble; the last one starts with "--" (the close delimiter).
  return sections
    .slice(1)
    .filter((s) => !s.startsWith('--'))
    .map((s) => parseMime(s.replace(/^[ \t]*\r?\n/, '')));
}

function decodeBody(text: string, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(text.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQ(text.replace(/=\r?\n/g, ''));
  return Buffer.from(text, 'latin1');
}

function decodeQ(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
