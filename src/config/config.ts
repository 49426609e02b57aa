import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ENV_DOCS, EnvironmentVariables } from './env.schema';

export type AppConfig = EnvironmentVariables & { BASE_URL: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the known variables; anything else in the environment is ignored. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known: Record<string, string | undefined> = {};
  for (const key of Object.keys(ENV_DOCS)) {
    if (env[key] !== undefined && env[key] !== '') known[key] = env[key];
  }
  const config = plainToInstance(EnvironmentVariables, known);
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map(
        (e) =>
          `${e.property}=${JSON.stringify(known[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
      ),
    );
  }
  const problems: string[] = [];
  if (config.EOFFICE_ADAPTER === 'email') {
    if (!config.EOFFICE_SMTP_HOST) problems.push('EOFFICE_SMTP_HOST: required when EOFFICE_ADAPTER=email');
    if (!config.EOFFICE_MAILBOX) problems.push('EOFFICE_MAILBOX: required when EOFFICE_ADAPTER=email');
  }
  if (config.NOTIFY_SMS_ADAPTER === 'http' && !config.NOTIFY_SMS_URL) problems.push('NOTIFY_SMS_URL: required when NOTIFY_SMS_ADAPTER=http');
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, BASE_URL: config.BASE_URL ?? `http://localhost:${config.PORT}` };
}

/** Nest injection token for the validated config. */
export const APP_CONFIG = Symbol('APP_CONFIG');
