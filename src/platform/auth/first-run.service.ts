import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { TransactionService } from '../database/transaction.service';
import { UnitsService } from '../units/units.service';
import { ROOT_UNIT } from '../units/root-unit';
import { Unit } from '../units/unit.entity';
import { PasswordService } from './password.service';
import { User } from './user.entity';
import { UsersService } from './users.service';


/**
 * On an empty database, creates the root unit and an `admin` account with a random
 * one-time password written to DATA_DIR/initial-admin-password (0600), and shown once when
 * stdout is a terminal.
 */
@Injectable()
export class FirstRunService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstRun');

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly passwords: PasswordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.passwords.generate(20);
    const created = await this.tx.run(async (em) => {
      // Two instances starting together must not both create an admin.
      await em.query('SELECT pg_advisory_xact_lock($1)', [0x46524e31]);
      if ((await em.count(User, { where: { isDemo: false } })) > 0) return false;
      const root = (await em.findOne(Unit, { where: { code: ROOT_UNIT.code } })) ?? (await this.units.create(em, ROOT_UNIT));
      await this.users.insert(em, {
        username: 'admin',
        displayNameEn: 'Administrator',
        displayNameHi: 'प्रशासक',
        rank: 'ADMIN',
        unitId: root.id,
        roles: ['ADMIN'],
        password,
        mustChangePassword: true,
      });
      return true;
    });
    if (!created) return;
    const dir = resolve(this.config.DATA_DIR);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'initial-admin-password');
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
    // Shown only to a person at a terminal: under systemd, docker or a pipe, stdout ends up in
    // log files, so there the password stays in the file alone (mode 0600).
    if (this.config.NODE_ENV !== 'test' && process.stdout.isTTY) {
      process.stdout.write(
        `\n  First run: created user "admin" with one-time password ${password}\n` +
          `  (also in ${file}); it must be changed at first login.\n\n`,
      );
    }
    this.logger.log(`created the initial admin account; its one-time password is in ${file}`);
  }
}
