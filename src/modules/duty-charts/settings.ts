import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DutyChartConfig } from '../../config/config';
import { resolveSecret } from '../../config/secrets';

/**
 * Duty-chart settings: validated and derived with the rest of the config (src/config,
 * `config.dutyCharts`), so a bad value stops the boot with exit 78 naming the variable.
 */
export interface DutyChartSettings extends Omit<DutyChartConfig, 'slipLinkSecret'> {
  /** HMAC key for officers' slip links: DUTY_SLIP_LINK_SECRET, or generated into DATA_DIR/secrets. */
  readonly slipLinkSecret: string;
}

export const DUTY_CHART_SETTINGS = Symbol('DUTY_CHART_SETTINGS');

export function readDutyChartSettings(config: AppConfig): DutyChartSettings {
  return {
    ...config.dutyCharts,
    slipLinkSecret: resolveSecret('duty-slip-link-secret', config.dutyCharts.slipLinkSecret, config.DATA_DIR),
  };
}

export const dutyChartSettingsProvider = {
  provide: DUTY_CHART_SETTINGS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => readDutyChartSettings(config),
};

/** Injects the settings: `constructor(@InjectSettings() settings: DutyChartSettings)`. */
export const InjectSettings = () => Inject(DUTY_CHART_SETTINGS);
