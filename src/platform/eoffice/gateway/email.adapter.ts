// E-mail diarisation: the way into e-Office that NIC documents. We send the PDF and a metadata
// block to the section's diarisation mailbox; a receipt number comes back later, out of band.
// SMTP cannot deduplicate for us, so "exactly once" here means: a resend (after a timeout or a
// lost 250) is byte-for-byte recognisable as the same item, by Message-ID and subject tag.

import { createTransport } from 'nodemailer';
import type { SMTPTransportOptions, Transporter } from 'nodemailer';
import {
  DiarisationRequest,
  DiarisationResult,
  EofficeGateway,
  GatewayChannel,
} from './eoffice-gateway.port';
import { findRequestProblems } from './diarisation-request.validation';
import { buildDiarisationMail } from './email-message';
import { PermanentGatewayError } from './gateway-errors';
import { classifySmtpFailure } from './smtp-errors';

export interface EmailGatewayConfig {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 465). Otherwise STARTTLS is used whenever the server offers it. */
  readonly secure?: boolean;
  /** Refuse to send in clear when the server does not offer STARTTLS. */
  readonly requireTls?: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  /** e.g. `police-ops <eoffice-outbox@bhopal.mppolice.gov.in>` */
  readonly from: string;
  /** The section's e-mail diarisation address. */
  readonly diarisationMailbox: string;
  /** Connect, greeting and idle-socket limit. Default 30 s; nodemailer's own are minutes. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export class EmailGatewayAdapter implements EofficeGateway {
  readonly channel: GatewayChannel = 'email';
  private readonly transport: Transporter;

  constructor(private readonly config: EmailGatewayConfig) {
    const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const options: SMTPTransportOptions = {
      host: config.host,
      port: config.port,
      secure: config.secure ?? false,
      requireTLS: config.requireTls ?? false,
      auth: config.auth ? { user: config.auth.user, pass: config.auth.pass } : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      // A fresh connection per item: deliveries are few, and after a days-long outage a pooled
      // socket would only be a stale one.
      pool: false,
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    this.transport = createTransport(options);
  }

  async diarise(request: DiarisationRequest): Promise<DiarisationResult> {
    // No server will tell us an item is malformed before a clerk sees it, so check here.
    const problems = findRequestProblems(request);
    if (problems.length > 0) {
      throw new PermanentGatewayError('INVALID_REQUEST', `item not sent: ${problems.join('; ')}`);
    }
    const mail = buildDiarisationMail(request, {
      from: this.config.from,
      to: this.config.diarisationMailbox,
    });
    try {
      const info = await this.transport.sendMail(mail);
      return { status: 'SENT_FOR_DIARISATION', eofficeRef: null, channelRef: info.messageId };
    } catch (error) {
      throw classifySmtpFailure(error);
    }
  }

  /** Connects, greets and logs in, without sending anything. */
  async probe(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      throw classifySmtpFailure(error);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
