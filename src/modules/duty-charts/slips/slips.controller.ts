import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Public, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { allowInlineStyle, ApiFileResponse, ThrottlePerLink, uuidParam } from '../../../platform/http';
import { SLIP_PAGE_STYLE, slipPageHtml, slipProblemHtml } from './slip-page';
import { noTrace, sendLinkedSlipPdf, sendPdf } from './slip-responses';
import { SlipsService } from './slips.service';
import { MySlipView } from '../duty-charts.view';

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
  sendLinkedSlipPdf(res, await slips.pdfByToken(token.slice(0, 100)));
}
