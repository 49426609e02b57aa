import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Public, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { allowInlineStyle, ApiFileResponse, ThrottlePerLink, uuidParam } from '../../../platform/http';
import { SLIP_PAGE_STYLE, slipPageHtml, slipProblemHtml } from './slip-page';
import { SlipsService } from './slips.service';
import { MySlipView } from '../duty-charts.view';

/**
 * A stored paper as a download. Its ETag is its sha256 (so Express does not hash the body
 * again, and a client revalidating a copy it kept gets a 304 without the bytes).
 */
export function sendPdf(res: Response, paper: { sha256: string; bytes: Buffer }, name: string): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader(
    'Content-Disposition',
    `inline; filename="${name.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf"`,
  );
  res.setHeader('X-Content-SHA256', paper.sha256);
  res.setHeader('ETag', `"${paper.sha256}"`);
  res.send(paper.bytes);
}

/** An officer's own duty slips: with their login, or through the signed link in the SMS. */
@ApiTags('duty-slips')
@Controller('duty-slips')
export class SlipsController {
  constructor(private readonly slips: SlipsService) {}

  @Get('mine')
  @ApiBearerAuth()
  @Roles('OFFICER')
  @ApiOkResponse({ type: [MySlipView] })
  async mine(@CurrentActor() actor: Actor): Promise<MySlipView[]> {
    return (await this.slips.mine(actor)).map((s) => MySlipView.from(s));
  }

  @Get('mine/:id/pdf')
  @ApiBearerAuth()
  @ApiFileResponse('application/pdf')
  @Roles('OFFICER')
  async minePdf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const paper = await this.slips.minePdf(actor, id);
    sendPdf(res, paper, `duty-slip-${paper.sourceRef}`);
  }

  /**
   * The slip link in SMS sent before the short one (`/s/<token>`); still served, and the same
   * page, so that no link an officer holds stops working.
   */
  @Get('public/:token')
  @Public()
  @ApiFileResponse('text/html')
  @ThrottlePerLink('token')
  async page(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await sendSlipPage(this.slips, token, res);
  }

  @Get('public/:token/pdf')
  @Public()
  @ApiFileResponse('application/pdf')
  @ThrottlePerLink('token')
  async publicPdf(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await sendSlipPdf(this.slips, token, res);
  }
}

/**
 * The SMS link: `${BASE_URL}/s/<token>`, a phone page with this one slip, outside the /api/v1
 * prefix because every character of the link counts in a two-part Hindi SMS. No account; the
 * signature and expiry are the key. Limited per link, not per address: a station's constables
 * share one NAT address at shift change.
 */
@ApiTags('duty-slips')
@Controller('s')
export class SlipLinkController {
  constructor(private readonly slips: SlipsService) {}

  @Get(':token')
  @Public()
  @ApiFileResponse('text/html')
  @ThrottlePerLink('token')
  async page(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await sendSlipPage(this.slips, token, res);
  }

  @Get(':token/pdf')
  @Public()
  @ApiFileResponse('application/pdf')
  @ThrottlePerLink('token')
  async pdf(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await sendSlipPdf(this.slips, token, res);
  }
}

async function sendSlipPage(slips: SlipsService, token: string, res: Response): Promise<void> {
  const found = await slips.pageByToken(token.slice(0, 100));
  const lead = slips.pageLanguage;
  noTrace(res);
  allowInlineStyle(res, SLIP_PAGE_STYLE);
  if (found.state !== 'ok') {
    const details =
      found.state === 'cancelled' && found.slip.content
        ? { bandobast: found.slip.content.bandobast, at: found.slip.updatedAt }
        : {};
    res
      .status(found.state === 'invalid' ? 404 : 410)
      .type('html')
      .send(slipProblemHtml(found.state, lead, details));
    return;
  }
  // Relative: the PDF is beside the page under whichever path the link used.
  res
    .type('html')
    .send(slipPageHtml(found.slip.content!, `${token}/pdf`, { lead, changedAt: found.changedAt }));
}

async function sendSlipPdf(slips: SlipsService, token: string, res: Response): Promise<void> {
  const paper = await slips.pdfByToken(token.slice(0, 100));
  noTrace(res);
  sendPdf(res, paper, `duty-slip-${paper.sourceRef}`);
}

/** The token in the URL is the officer's key: keep it out of caches and referrers. */
function noTrace(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Robots-Tag', 'noindex');
}
