import { AppConfig, ConfigError, loadConfig } from '../config/config';

/** The validated settings, or exit 78 naming what is wrong (as the app does). */
export function loadCliConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    process.exit(78); // EX_CONFIG, as the app
  }
}
