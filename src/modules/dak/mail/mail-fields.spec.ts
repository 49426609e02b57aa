import { simpleParser } from 'mailparser';
import { clip, htmlAsText, MAIL_REMARKS_MAX, mailFields, mailLanguage, messageKey, NO_SUBJECT, senderLine, UNKNOWN_SENDER } from './mail-fields';

const NOW = new Date('2026-12-01T10:00:00Z');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

/** A MIME message as a mail client writes it: headers, then a plain body or parts. */
function mime(headers: Record<string, string>, body: string): string {
  return `${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n${body.replace(/\n/g, '\r\n')}`;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('the language of a mailed letter', () => {
  it('is Hindi when the subject has any Devanagari, even beside an English gloss', () => {
    expect(mailLanguage('धरना की अनुमति / Permission for dharna', 'Please find attached.')).toBe('hi');
  });

  it('is Hindi when the body is written in Devanagari', () => {
    expect(mailLanguage('Application', 'महोदय, दिनांक 05-12-2026 को धरना प्रदर्शन की अनुमति प्रदान करें।')).toBe('hi');
  });

  it('is English when Devanagari is only a signature under an English letter', () => {
    const body = `${'Sir, the association requests permission to hold a peaceful dharna near the collectorate. '.repeat(3)}\nधन्यवाद`;
    expect(mailLanguage('Request for permission', body)).toBe('en');
  });

  it('is other when there is no text to tell, or another script', () => {
    expect(mailLanguage('', '')).toBe('other');
    expect(mailLanguage('درخواست', 'اجازت')).toBe('other');
  });
});

describe('fields of a receipt from a message', () => {
  it('takes a Hindi subject encoded by the sender (RFC 2047), the display name as sender and the address into the remarks', async () => {
    const subject = 'धरना-प्रदर्शन की अनुमति हेतु आवेदन';
    const mail = await simpleParser(
      mime(
        {
          From: `=?UTF-8?B?${b64('सचिव, व्यापारी संघ')}?= <secretary@traders.example.in>`,
          To: 'dak@bhopalpolice.example.in',
          Subject: `=?UTF-8?B?${b64(subject)}?=`,
          'Message-ID': '<a1@traders.example.in>',
          'MIME-Version': '1.0',
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Transfer-Encoding': 'base64',
        },
        b64('महोदय,\nकृपया अनुमति प्रदान करें।'),
      ),
    );
    const received = new Date('2026-12-01T09:30:00Z');
    const fields = mailFields(mail, received, NOW);
    expect(fields).toMatchObject({
      subject,
      senderName: 'सचिव, व्यापारी संघ',
      senderOffice: null,
      receivedAt: received,
      language: 'hi',
      scans: [],
    });
    expect(fields.remarks).toBe('ई-मेल / E-mail: secretary@traders.example.in\n\nमहोदय,\nकृपया अनुमति प्रदान करें।');
    expect(senderLine(mail)).toBe('सचिव, व्यापारी संघ <secretary@traders.example.in>');
  });

  it('names the sender by address when the From has no display name, and marks a missing subject', async () => {
    const mail = await simpleParser(mime({ From: 'sho.ttnagar@mppolice.example.in', 'Message-ID': '<b@x>' }, ''));
    const fields = mailFields(mail, undefined, NOW);
    expect(fields.senderName).toBe('sho.ttnagar@mppolice.example.in');
    expect(fields.subject).toBe(NO_SUBJECT);
    expect(fields.receivedAt).toEqual(NOW);
    expect(fields.language).toBe('other');
  });

  it('diarises a message without a From as from an unknown sender, with no remarks', async () => {
    const fields = mailFields(await simpleParser(mime({ Subject: 'Scan' }, '')), undefined, NOW);
    expect(fields.senderName).toBe(UNKNOWN_SENDER);
    expect(fields.remarks).toBeNull();
  });

  it('never dates a receipt after now, whatever the mail server\'s clock says', async () => {
    const mail = await simpleParser(mime({ From: 'a@x.in', Subject: 'Letter' }, 'x'));
    expect(mailFields(mail, new Date(NOW.getTime() + 3_600_000), NOW).receivedAt).toEqual(NOW);
    expect(mailFields(mail, new Date('invalid'), NOW).receivedAt).toEqual(NOW);
  });

  it('turns attachments into scans but not the pictures an HTML body shows inline', async () => {
    const boundary = 'b1';
    const related = 'r1';
    const raw = mime(
      { From: 'Collector <collector@mp.example.in>', Subject: 'Order', 'MIME-Version': '1.0', 'Content-Type': `multipart/mixed; boundary="${boundary}"` },
      [
        `--${boundary}`,
        `Content-Type: multipart/related; boundary="${related}"`,
        '',
        `--${related}`,
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Please see the order.</p><img src="cid:logo@x">',
        `--${related}`,
        'Content-Type: image/png',
        'Content-ID: <logo@x>',
        'Content-Disposition: inline; filename="logo.png"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('\x89PNG\r\n\x1a\nlogo').toString('base64'),
        `--${related}--`,
        `--${boundary}`,
        'Content-Type: application/pdf; name="order.pdf"',
        'Content-Disposition: attachment; filename="order.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        PDF.toString('base64'),
        `--${boundary}`,
        'Content-Type: application/pdf',
        'Content-Disposition: attachment',
        'Content-Transfer-Encoding: base64',
        '',
        PDF.toString('base64'),
        `--${boundary}--`,
        '',
      ].join('\n'),
    );
    const fields = mailFields(await simpleParser(raw), undefined, NOW);
    expect(fields.scans.map((s) => [s.filename, s.contentType, s.bytes.equals(PDF)])).toEqual([
      ['order.pdf', 'application/pdf', true],
      ['attachment-2.pdf', 'application/pdf', true],
    ]);
    expect(fields.remarks).toContain('Please see the order.');
    expect(fields.language).toBe('en');
  });

  it('keeps the remarks and subject within the register\'s limits', async () => {
    const mail = await simpleParser(mime({ From: 'a@x.in', Subject: 'S'.repeat(800) }, 'word '.repeat(2000)));
    const fields = mailFields(mail, undefined, NOW);
    expect(Array.from(fields.subject)).toHaveLength(500);
    expect(Array.from(fields.remarks!)).toHaveLength(MAIL_REMARKS_MAX);
    expect(fields.remarks!.endsWith('…')).toBe(true);
  });
});

describe('the key of a message', () => {
  it('is its Message-ID, or a hash of the message when it has none', () => {
    expect(messageKey(' <x@y> ', Buffer.from('a'))).toBe('<x@y>');
    expect(messageKey(undefined, Buffer.from('a'))).toBe(messageKey('', Buffer.from('a')));
    expect(messageKey(undefined, Buffer.from('a'))).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(messageKey(undefined, Buffer.from('a'))).not.toBe(messageKey(undefined, Buffer.from('b')));
  });

  it('reads an HTML body as lines of text', () => {
    expect(htmlAsText('<style>p{}</style><p>महोदय,</p><div>see&nbsp;the <b>order</b> &amp; map&#8230;<br>Regards</div>')).toBe(
      'महोदय,\nsee the order & map…\nRegards\n',
    );
  });

  it('clips without splitting a character', () => {
    expect(clip('धरना', 3)).toBe('धर…');
    expect(clip('😀😀😀', 2)).toBe('😀…');
    expect(clip('abc', 3)).toBe('abc');
  });
});
