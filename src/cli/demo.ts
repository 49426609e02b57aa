/** `npm run demo`: seeds demo data (marked is_demo) and prints one login per role. */
import 'reflect-metadata';
import { withDatabase } from './cli-database';
import { seedDemo } from './demo/seed';

withDatabase(seedDemo)
  .then((r) => {
    if (r.alreadySeeded) {
      console.log('Demo data is already present; nothing changed. (Demo passwords were printed when it was first seeded.)');
      return;
    }
    console.log(`Seeded ${r.units} units and ${r.officers} officers (all marked as demo data).\n`);
    console.log('Demo logins (one per role):');
    for (const a of r.accounts) console.log(`  ${a.role.padEnd(13)} ${a.username.padEnd(16)} ${a.password}`);
    console.log('\nStart the app with `npm start` and log in at POST /api/v1/auth/login (docs at /api/docs).');
  })
  .catch((e: unknown) => {
    console.error('demo failed:', e instanceof Error ? e.message : e);
    process.exit(2);
  });
