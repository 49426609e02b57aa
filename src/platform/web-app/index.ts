// The browser app (web/): its built files served at `/` with a history fallback, and its settings route.
export { SERVER_PATHS, webAppDir, webAppHandlers } from './web-app';
export type { WebAppOptions } from './web-app';
export { WebAppModule } from './web-app.module';
