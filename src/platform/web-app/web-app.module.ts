import { Module } from '@nestjs/common';
import { WebAppController } from './web-app.controller';

/** The browser app's one API route; the app's files are served by `webAppHandlers` (app.ts). */
@Module({ controllers: [WebAppController] })
export class WebAppModule {}
