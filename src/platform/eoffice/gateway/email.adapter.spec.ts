import { EmailGatewayAdapter, EmailGatewayConfig } from './email.adapter';
import { DiarisationMailMetadata, parseMetadataBlock } from './email-message';
import { DiarisationRequest } from './eoffice-gateway.port';
import { GatewayError, PermanentGatewayError, TransientGatewayError } from './gateway-errors';
import { SAMPLE_PDF, sampleRequest } from './testing/fixtures';
import { decodeHeader, filenameOf, leafParts, MimePart, parseMime } from './testing/mime';
import { SmtpSink, startSmtpSink } from './testing/smtp-sink';

const MAILBOX = 'diarisation.cp-bhopal@example.gov.in';

let sink: SmtpSink;
let gateway: EmailGatewayAdapter;

function adapterFor(port: number, extra: Partial<EmailGatewayConfig> = {}): EmailGatewayAdapter {
  return new EmailGatewayAdapter({
    host: '127.0.0.1',
    port,
    from: 'police-ops <eoffice-outbox@example.gov.in>',
    diarisationMailbox: MAILBOX,
    timeoutMs: 2000,
    ...extra,
  });
}

beforeEach(async () => {
  sink = await startSmtpSink();
  gateway = adapterFor(sink.port);
});

afterEach(async () => {
  await gateway.close();
  await sink.close();
});

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a GatewayError');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

interface ReadMail {
  root: MimePart;
  subject: string;
  text: string;
  attachments: Map<string, MimePart>;
}

function read(raw: Buffer): ReadMail {
  const root = parseMime(raw);
  const leaves = leafParts(root);
  const textPart = leaves.find(
    (p) => p.contentType === 'text/plain' && filenameOf(p) === undefined,
  );
  const attachments = new Map<string, MimePart>();
  for (const part of leaves) {
    const name = filenameOf(part);
    if (name) attachments.set(name, part);
  }
  return {
    root,
    subject: decodeHeader(root.headers.get('subject') ?? ''),
    text: textPart?.body.toString('utf8') ?? '',
    attachments,
  };
}

describe('e-mail gateway adapter against a real SMTP server', () => {
  it('reports SENT_FOR_DIARISATION with the Message-ID built from the idempotency key', async () => {
    const request = sampleRequest();
    const result = await gateway.diarise(request);
    expect(result).toEqual({
      status: 'SENT_FOR_DIARISATION',
      eofficeRef: null,
      channelRef: `<${request.idempotencyKey}@police-ops.bhopal>`,
    });
  });

  it('delivers to the diarisation mailbox a message carrying the key, the subject and the reference', async () => {
    const request = sampleRequest();
    await gateway.diarise(request);
    const [mail] = await sink.waitForMessages(1);
    expect(mail.to).toEqual([MAILBOX]);

    const { root, subject } = read(mail.raw);
    expect(root.headers.get('message-id')).toBe(`<${request.idempotencyKey}@police-ops.bhopal>`);
    expect(subject).toBe(`[PO:${request.idempotencyKey}] PRT/2026/000123 ${request.subject}`);
    // A Hindi subject is RFC 2047-encoded as a whole, tag included; a rule that cannot decode
    // headers matches this plain-ASCII one instead.
    expect(root.headers.get('x-policeops-idempotency-key')).toBe(request.idempotencyKey);
  });

  it('attaches the PDF byte for byte', async () => {
    await gateway.diarise(sampleRequest());
    const [mail] = await sink.waitForMessages(1);
    const pdf = read(mail.raw).attachments.get('PRT-2026-000123.pdf');
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.body.equals(SAMPLE_PDF)).toBe(true);
  });

  it('attaches metadata.json and repeats it as a block in the body', async () => {
    const request = sampleRequest();
    await gateway.diarise(request);
    const [mail] = await sink.waitForMessages(1);
    const { attachments, text } = read(mail.raw);

    const metadata = JSON.parse(
      attachments.get('metadata.json')!.body.toString('utf8'),
    ) as DiarisationMailMetadata;
    expect(metadata).toEqual({
      format: 'police-ops.eoffice-diarisation/1',
      idempotencyKey: request.idempotencyKey,
      messageId: `<${request.idempotencyKey}@police-ops.bhopal>`,
      kind: 'PROTEST_PERMISSION_ORDER',
      subject: request.subject,
      sourceRef: 'PRT/2026/000123',
      grading: 'NORMAL',
      intakeChannel: 'BY_HAND',
      receivedAt: '2026-03-02T10:15:00+05:30',
      document: {
        filename: 'PRT-2026-000123.pdf',
        contentType: 'application/pdf',
        sha256: request.document!.sha256,
        sizeBytes: SAMPLE_PDF.length,
      },
      metadata: { thana: 'TT Nagar', expectedNumbers: 400, loudspeaker: true },
    });
    expect(parseMetadataBlock(text)).toEqual(metadata);
    expect(text).toContain(`Subject:          ${request.subject}`);
  });

  it('makes a resend with the same key recognisable as a duplicate', async () => {
    const request = sampleRequest();
    await gateway.diarise(request);
    await gateway.diarise(request);
    const [first, second] = (await sink.waitForMessages(2)).map((m) => read(m.raw));

    expect(second.root.headers.get('message-id')).toBe(first.root.headers.get('message-id'));
    expect(second.subject).toBe(first.subject);
    expect(parseMetadataBlock(second.text)).toEqual(parseMetadataBlock(first.text));
  });

  it('tells different items apart by key', async () => {
    await gateway.diarise(sampleRequest());
    await gateway.diarise(sampleRequest());
    const [first, second] = (await sink.waitForMessages(2)).map((m) => read(m.raw));
    expect(second.root.headers.get('message-id')).not.toBe(first.root.headers.get('message-id'));
  });

  it('sends an item without a document with only the metadata attached', async () => {
    const request: DiarisationRequest = { ...sampleRequest(), document: undefined };
    await gateway.diarise(request);
    const [mail] = await sink.waitForMessages(1);
    const { attachments, text } = read(mail.raw);
    expect([...attachments.keys()]).toEqual(['metadata.json']);
    expect(parseMetadataBlock(text)?.document).toBeNull();
  });

  it('passes the probe when the mail server answers', async () => {
    await expect(gateway.probe()).resolves.toBeUndefined();
    expect(sink.messages).toHaveLength(0);
  });

  describe('classifies', () => {
    it('a message the server refuses for good (554) as permanent, with the server words', async () => {
      sink.rejectWith(554, 'Message rejected: attachment type not allowed');
      const error = await failure(gateway.diarise(sampleRequest()));
      expect(error).toBeInstanceOf(PermanentGatewayError);
      expect(error.code).toBe('SMTP_554');
      expect(error.message).toContain('attachment type not allowed');
    });

    it('a message the server defers (451) as transient', async () => {
      sink.rejectWith(451, 'Try again later');
      const error = await failure(gateway.diarise(sampleRequest()));
      expect(error).toBeInstanceOf(TransientGatewayError);
      expect(error.code).toBe('SMTP_451');
      expect((error as TransientGatewayError).fault).toBe('FAILING');
    });

    it('an unreachable mail server as transient, for diarise and probe alike', async () => {
      const gone = await startSmtpSink();
      await gone.close();
      const unreachable = adapterFor(gone.port);
      expect(await failure(unreachable.diarise(sampleRequest()))).toBeInstanceOf(
        TransientGatewayError,
      );
      const probe = await failure(unreachable.probe());
      expect(probe).toBeInstanceOf(TransientGatewayError);
      expect((probe as TransientGatewayError).fault).toBe('UNREACHABLE');
      await unreachable.close();
    });

    it('refused credentials as transient, since they concern every item alike', async () => {
      const guarded = await startSmtpSink({ credentials: { user: 'outbox', pass: 'right' } });
      const wrong = adapterFor(guarded.port, { auth: { user: 'outbox', pass: 'wrong' } });
      const right = adapterFor(guarded.port, { auth: { user: 'outbox', pass: 'right' } });
      try {
        const error = await failure(wrong.diarise(sampleRequest()));
        expect(error).toBeInstanceOf(TransientGatewayError);
        expect(error.code).toBe('EAUTH');
        expect((error as TransientGatewayError).fault).toBe('CREDENTIALS_REFUSED');
        expect(await failure(wrong.probe())).toBeInstanceOf(TransientGatewayError);
        expect((await right.diarise(sampleRequest())).status).toBe('SENT_FOR_DIARISATION');
      } finally {
        await wrong.close();
        await right.close();
        await guarded.close();
      }
    });

    it('a malformed item as permanent, without sending anything', async () => {
      const request = sampleRequest();
      const corrupt = { ...request, document: { ...request.document!, sha256: 'a'.repeat(64) } };
      const error = await failure(gateway.diarise(corrupt));
      expect(error).toBeInstanceOf(PermanentGatewayError);
      expect(error.code).toBe('INVALID_REQUEST');
      expect(error.message).toContain('document.sha256 does not match the document bytes');
      expect(sink.messages).toHaveLength(0);
    });
  });
});
