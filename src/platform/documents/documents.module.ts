import { Global, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { OUTBOX_DOCUMENT_LOADER } from '../eoffice/outbox/outbox-documents';
import { DocumentSigner } from './document-signer';
import { DocumentsController } from './documents.controller';
import { DOCUMENT_SIGNER, DocumentsService } from './documents.service';
import { GeneralLetterService } from './general-letter.service';
import { warmUpPdfEngine } from './pdf';
import { TemplateStore } from './templates';
import { PublicFontsController } from './public-fonts';
import { VerifyController } from './verify.controller';

@Global()
@Module({
  controllers: [DocumentsController, VerifyController, PublicFontsController],
  providers: [
    {
      provide: DOCUMENT_SIGNER,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => DocumentSigner.fromConfig(c.DOCUMENT_SIGNING_KEY, c.DATA_DIR),
    },
    {
      provide: TemplateStore,
      // Checked at boot: an unknown placeholder or a missing language stops the start here.
      useFactory: () => {
        const store = new TemplateStore();
        store.validateAll();
        return store;
      },
    },
    DocumentsService,
    GeneralLetterService,
    { provide: OUTBOX_DOCUMENT_LOADER, useExisting: DocumentsService },
  ],
  exports: [DocumentsService, TemplateStore, OUTBOX_DOCUMENT_LOADER],
})
export class DocumentsModule implements OnApplicationBootstrap {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    if (!this.config.PDF_WARM_UP) return;
    // Font parsing and shaping caches take ~1.5 s; do it now, not on the first user's letter.
    const logger = new Logger('Documents');
    void warmUpPdfEngine().then(
      (ms) => logger.log(`PDF engine warmed up in ${Math.round(ms)} ms`),
      (e: Error) => logger.warn(`PDF warm-up failed: ${e.message}`),
    );
  }
}
