import { APP_CONFIG, AppConfig, ProtestSettings } from '../../config/config';

/**
 * The numbers the domain brief says vary between forces (Bhopal's press note says 48 h lead
 * time, Ashoknagar uses 3 days). They are validated and derived with the rest of the config
 * (src/config): a bad value stops the boot with the variable's name.
 */
export type { ProtestSettings } from '../../config/config';

export const PROTEST_SETTINGS = Symbol('PROTEST_SETTINGS');

export const protestSettingsProvider = {
  provide: PROTEST_SETTINGS,
  inject: [APP_CONFIG],
  useFactory: (c: AppConfig): ProtestSettings => c.protests,
};
