import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { DocumentSigner } from '../documents/document-signer';
import { AuditChainer } from './audit-chainer';
import { AuditQueryService } from './audit-query.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AUDIT_SIGNER } from './audit-verify';

@Global()
@Module({
  controllers: [AuditController],
  providers: [
    AuditService,
    AuditQueryService,
    AuditChainer,
    // The document-signing key: it lives outside the database, so the database owner cannot re-sign a rewritten chain.
    { provide: AUDIT_SIGNER, inject: [APP_CONFIG], useFactory: (c: AppConfig) => DocumentSigner.fromConfig(c.DOCUMENT_SIGNING_KEY, c.DATA_DIR) },
  ],
  exports: [AuditService, AuditChainer, AuditQueryService],
})
export class AuditModule {}
