import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Tables the app may only append to and read: the audit trail and its chain, the dak's
 * movement history, the dak mail's key rows (whose sender, subject and detail retention may
 * empty).
 */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_chain', 'audit_head_signature', 'dak_movement', 'dak_mail_message'] as const;

export interface AppRole {
  /** What the running app connects with. */
  url: string;
  role: string;
  /** False when the app has to run as the owner (it may not create roles and none was given). */
  separate: boolean;
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The app runs as a role with no DDL, that can only INSERT and SELECT the audit trail, while
 * migrations run as the owner. With DATABASE_APP_URL that role is the given one; otherwise,
 * when the owner may create roles (the embedded server, a test cluster), `<owner>_app` is
 * created with a password derived from the owner's URL, so every instance derives the same.
 * Called under the migration lock after migrations, so grants keep up with new tables.
 */
export async function prepareAppRole(owner: DataSource, ownerUrl: string, configuredAppUrl?: string): Promise<AppRole> {
  const [{ current_user: ownerRole, can_create: canCreate, db }] = (await owner.query(
    `SELECT current_user, current_database() AS db, (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) AS can_create`,
  )) as Array<{ current_user: string; can_create: boolean; db: string }>;
  let url: string;
  let role: string;
  if (configuredAppUrl) {
    url = configuredAppUrl;
    role = decodeURIComponent(new URL(configuredAppUrl).username);
    if (!role) throw new Error('DATABASE_APP_URL must name its user');
    if (role === ownerRole) return { url, role, separate: false };
  } else {
    if (!canCreate) return { url: ownerUrl, role: ownerRole, separate: false };
    role = `${ownerRole}_app`.slice(0, 63);
    if (!ROLE_NAME.test(role)) return { url: ownerUrl, role: ownerRole, separate: false };
    const derived = new URL(ownerUrl);
    // Roles are cluster-wide: the password depends on the owner's credentials and server, not the database.
    const password = createHmac('sha256', `${derived.username}:${derived.password}@${derived.host}`).update('police-ops app role').digest('hex');
    derived.username = role;
    derived.password = password;
    url = derived.toString();
    await ensureLoginRole(owner, role, password, url);
  }
  await grant(owner, role, db);
  return { url, role, separate: true };
}

async function ensureLoginRole(owner: DataSource, role: string, password: string, url: string): Promise<void> {
  // Roles are cluster-wide: another database's boot may be creating the same one right now.
  await owner.query(`
    DO $$ BEGIN
      CREATE ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '${password}';
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  if (await canLogIn(url)) return;
  for (let attempt = 1; ; attempt++) {
    try {
      await owner.query(`ALTER ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
      return;
    } catch (e) {
      if (attempt >= 5 || !/concurrently/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

async function canLogIn(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function grant(owner: DataSource, role: string, db: string): Promise<void> {
  const r = quoteIdent(role);
  const statements = [
    `GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(db)} TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${r}`,
    // Retention empties a mail's personal data (src/modules/dak/dak-retention.ts); its key stays as written.
    `GRANT UPDATE (sender, subject, detail) ON dak_mail_message TO ${r}`,
    `REVOKE ALL ON schema_migrations FROM ${r}`,
  ];
  const [{ bullmq }] = (await owner.query(`SELECT to_regnamespace('bullmq') IS NOT NULL AS bullmq`)) as Array<{ bullmq: boolean }>;
  if (bullmq) {
    statements.push(
      // BullMQ's own schema: it creates a counter sequence per queue at run time.
      `GRANT USAGE, CREATE ON SCHEMA bullmq TO ${r}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA bullmq TO ${r}`,
      `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA bullmq TO ${r}`,
      `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA bullmq TO ${r}`,
    );
  }
  for (const sql of statements) await owner.query(sql);
}
