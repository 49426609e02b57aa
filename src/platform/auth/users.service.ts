import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TransactionService } from '../database/transaction.service';
import { assertVersion } from '../http/field-error';
import { References } from '../http/references';
import { maskMobile } from '../http/validators';
import { UnitsService } from '../units/units.service';
import { UnitRef, unitRef, unknownUnit } from '../units/unit-ref';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordService } from './password.service';
import { PersonRef, personRef, unknownPerson } from './person-ref';
import { Role } from './roles';
import { SessionCheck } from './session-check';
import { User } from './user.entity';
import { CreateUserDto, UpdateUserDto } from './users.dto';

export interface NewAccount {
  username: string;
  displayNameEn: string;
  displayNameHi: string;
  rank: string;
  unitId: string;
  roles: Role[];
  mobile?: string | null;
  isDemo?: boolean;
  /** Given: the user must still change it at first login. */
  password: string;
  mustChangePassword: boolean;
}

/** A unit `n` as a `UnitRef`, in SQL. */
const UNIT_REF_JSON = `json_build_object('id', n.id, 'code', n.code, 'nameEn', n.name_en, 'nameHi', n.name_hi)`;

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly units: UnitsService,
    private readonly auth: AuthService,
    private readonly sessions: SessionCheck,
    private readonly throttle: LoginThrottle,
  ) {}

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id } });
    if (!user) throw new NotFoundException(`User ${id} not found`);
    return user;
  }

  list(): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ order: { username: 'ASC' } });
  }

  /** The account with this username, compared without case, or null. */
  byUsername(username: string, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    return em
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  /**
   * The accounts with these ids as views name them (name, rank, unit), in one query whatever
   * the number of ids, their units joined (see `References`).
   */
  async people(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<References<PersonRef>> {
    return (await this.peopleAndUnits(ids, [], em)).people;
  }

  /**
   * `people`, and the units with `unitIds` as `UnitsService.refs` names them, in one query: a
   * view that names both costs one round trip to the database, not two.
   */
  async peopleAndUnits(
    personIds: readonly string[],
    unitIds: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ people: References<PersonRef>; units: References<UnitRef> }> {
    const [people, units] = [[...new Set(personIds)], [...new Set(unitIds)]];
    const rows: Array<{ person: boolean; id: string; username: string | null; displayNameEn: string | null; displayNameHi: string | null; rank: string | null; unitId: string; unit: UnitRef | null }> =
      people.length + units.length === 0
        ? []
        : await em.query(
            `SELECT true AS person, u.id, u.username, u.display_name_en AS "displayNameEn", u.display_name_hi AS "displayNameHi", u.rank, u.unit_id AS "unitId",
                    CASE WHEN n.id IS NULL THEN NULL ELSE ${UNIT_REF_JSON} END AS unit
               FROM app_user u LEFT JOIN unit n ON n.id = u.unit_id
              WHERE u.id = ANY($1::uuid[])
             UNION ALL
             SELECT false, n.id, NULL, NULL, NULL, NULL, n.id, ${UNIT_REF_JSON}
               FROM unit n WHERE n.id = ANY($2::uuid[])`,
            [people, units],
          );
    const found = new Map<string, PersonRef>();
    const unitsFound = new Map<string, UnitRef>();
    for (const r of rows) {
      if (!r.person) unitsFound.set(r.id, unitRef(r.unit!));
      else found.set(r.id, personRef({ id: r.id, username: r.username!, displayNameEn: r.displayNameEn!, displayNameHi: r.displayNameHi!, rank: r.rank! }, r.unit ? unitRef(r.unit) : unknownUnit(r.unitId)));
    }
    return { people: new References(found, unknownPerson), units: new References(unitsFound, unknownUnit) };
  }

  /** Active accounts in these units holding any of the roles and with a mobile: whom to text. */
  reachableIn(
    unitIds: readonly string[],
    roles: readonly Role[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ id: string; mobile: string }>> {
    return em.query(
      `SELECT id, mobile FROM app_user WHERE unit_id = ANY($1) AND is_active AND mobile IS NOT NULL
         AND roles && $2::text[]`,
      [unitIds, roles],
    );
  }

  /** Active accounts in these units holding this role, with their unit, in one query: whom new work may go to. */
  async holders(unitIds: readonly string[], role: Role, em: EntityManager = this.dataSource.manager): Promise<Array<{ id: string; unitId: string }>> {
    if (unitIds.length === 0) return [];
    const rows: Array<{ id: string; unit_id: string }> = await em.query(
      `SELECT id, unit_id FROM app_user WHERE unit_id = ANY($1) AND is_active AND $2 = ANY(roles) ORDER BY id`,
      [unitIds, role],
    );
    return rows.map((r) => ({ id: r.id, unitId: r.unit_id }));
  }

  /** Creates an account with a one-time password, returned once to the admin who made it. */
  async create(dto: CreateUserDto): Promise<{ user: User; oneTimePassword: string }> {
    const oneTimePassword = this.passwords.generate();
    const user = await this.tx.run(async (em) => {
      const unit = await this.units.byCode(dto.unitCode, em, 'unitCode');
      return this.insert(em, { ...dto, unitId: unit.id, password: oneTimePassword, mustChangePassword: true });
    });
    return { user, oneTimePassword };
  }

  async insert(em: EntityManager, account: NewAccount): Promise<User> {
    const { password, ...rest } = account;
    const user = await em.save(
      em.create(User, {
        ...rest,
        mobile: rest.mobile ?? null,
        passwordHash: await this.passwords.hash(password),
        failedLoginCount: 0,
        isActive: true,
        isDemo: rest.isDemo ?? false,
      }),
    );
    await this.audit.record(em, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      diff: { username: user.username, roles: user.roles, unitId: user.unitId, rank: user.rank },
    });
    return user;
  }

  async update(id: string, dto: UpdateUserDto): Promise<User> {
    const saved = await this.tx.run(async (em) => {
      const user = await em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException(`User ${id} not found`);
      assertVersion('User', user.version, dto.version);
      const changes: Partial<User> = {};
      if (dto.roles) changes.roles = dto.roles;
      if (dto.unitCode) changes.unitId = (await this.units.byCode(dto.unitCode, em, 'unitCode')).id;
      if (dto.isActive !== undefined) changes.isActive = dto.isActive;
      if (dto.mobile !== undefined) changes.mobile = dto.mobile;
      // The audit log can never be erased: mobiles go in masked, enough to tell them apart.
      const shown = (k: string, v: unknown) => (k === 'mobile' ? maskMobile(v as string | null) : v);
      const diff = Object.fromEntries(
        Object.entries(changes).map(([k, v]) => [k, { from: shown(k, user[k as keyof User]), to: shown(k, v) }]),
      );
      Object.assign(user, changes);
      const saved = await em.save(user);
      if (changes.isActive === false || changes.roles || changes.unitId) {
        await this.auth.revokeAllSessions(em, id, 'account-changed');
      }
      await this.audit.record(em, { action: 'user.update', entityType: 'user', entityId: id, diff });
      return saved;
    });
    this.sessions.forget(id);
    return saved;
  }

  async resetPassword(id: string): Promise<{ oneTimePassword: string }> {
    const oneTimePassword = this.passwords.generate();
    await this.tx.run(async (em) => {
      const user = await em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException(`User ${id} not found`);
      await em.update(User, id, {
        passwordHash: await this.passwords.hash(oneTimePassword),
        mustChangePassword: true,
        failedLoginCount: 0,
      });
      await em.increment(User, { id }, 'version', 1);
      await this.auth.revokeAllSessions(em, id, 'password-reset');
      await this.throttle.clearAll(em, LoginThrottle.key(user.username));
      await this.audit.record(em, { action: 'user.password_reset', entityType: 'user', entityId: id });
    });
    this.sessions.forget(id);
    return { oneTimePassword };
  }

  async revokeSessions(id: string): Promise<void> {
    await this.tx.run(async (em) => {
      await this.get(id);
      await this.auth.revokeAllSessions(em, id, 'revoked-by-admin');
      await this.audit.record(em, { action: 'user.sessions_revoked', entityType: 'user', entityId: id });
    });
    this.sessions.forget(id);
  }
}
