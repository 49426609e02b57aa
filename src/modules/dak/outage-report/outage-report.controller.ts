import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { DocumentsService } from '../../../platform/documents';
import { ApiFileResponse, uuidParam } from '../../../platform/http';
import { DakOutageReports } from './outage-report.service';
import { OutageReportPaperView, OutageReportView } from './outage-report.view';

/** Who reads the report of an outage: the dak desk, admins and auditors. */
const REPORT_READERS = ['CONTROL_ROOM', 'ADMIN', 'AUDITOR'] as const;

@ApiTags('dak')
@ApiBearerAuth()
@Controller('dak/outage-reports')
export class DakOutageReportController {
  constructor(
    private readonly reports: DakOutageReports,
    private readonly documents: DocumentsService,
  ) {}

  /** The items received while e-Office was down (GET /eoffice/outages lists the outages), as they stand now. */
  @Get(':outageId')
  @Roles(...REPORT_READERS)
  @ApiOkResponse({ type: OutageReportView })
  async report(@CurrentActor() actor: Actor, @Param('outageId', uuidParam('outageId')) outageId: string): Promise<OutageReportView> {
    return OutageReportView.from(await this.reports.report(actor, outageId));
  }

  /** The same as a CSV file for Excel; audited. */
  @Get(':outageId/csv')
  @Roles(...REPORT_READERS)
  @ApiFileResponse('text/csv')
  async csv(@CurrentActor() actor: Actor, @Param('outageId', uuidParam('outageId')) outageId: string, @Res() res: Response): Promise<void> {
    const { filename, text } = await this.reports.csv(actor, outageId);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.send(text);
  }

  /** Issues the bilingual PDF as the report stands now, verifiable by its QR; audited. */
  @Post(':outageId/papers')
  @HttpCode(201)
  @Roles(...REPORT_READERS)
  @ApiCreatedResponse({ type: OutageReportPaperView })
  async issue(@CurrentActor() actor: Actor, @Param('outageId', uuidParam('outageId')) outageId: string): Promise<OutageReportPaperView> {
    const doc = await this.reports.issue(actor, outageId);
    return OutageReportPaperView.from({ documentId: doc.id, issuedAt: doc.issuedAt, sha256: doc.sha256, pageCount: doc.pageCount, verifyUrl: this.documents.verifyUrl(doc.id) });
  }

  @Get(':outageId/papers/:documentId/pdf')
  @Roles(...REPORT_READERS)
  @ApiFileResponse('application/pdf')
  async pdf(
    @Param('outageId', uuidParam('outageId')) outageId: string,
    @Param('documentId', uuidParam('documentId')) documentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { doc, bytes } = await this.reports.pdf(outageId, documentId);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${doc.sourceRef.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf"`);
    res.setHeader('X-Content-SHA256', doc.sha256);
    res.send(bytes);
  }
}
