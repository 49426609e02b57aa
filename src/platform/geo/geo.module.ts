import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, GeoSettings } from '../../config/config';
import { useCommissionerateBounds } from './in-commissionerate';

export const GEO_SETTINGS = Symbol('GEO_SETTINGS');

/** Hands COMMISSIONERATE_BOUNDS to @InCommissionerate() at boot, and the settings to whoever asks. */
@Global()
@Module({
  providers: [
    {
      provide: GEO_SETTINGS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): GeoSettings => {
        useCommissionerateBounds(config.geo.bounds);
        return config.geo;
      },
    },
  ],
  exports: [GEO_SETTINGS],
})
export class GeoModule {}
