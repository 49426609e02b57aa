// The metrics' public face: the module the app imports, and the service for a future metric.
export { MetricsModule } from './metrics.module';
export { MetricsService } from './metrics.service';
