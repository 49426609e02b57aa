/**
 * `npm run templates:check [-- --base-url https://…]`: the template check office staff and CI
 * run after editing templates/: every declared template in both languages with only known
 * placeholders, and every SMS template's part count (GSM-7 or UCS-2) for its longest values,
 * with the links as long as the given public address makes them (default: a state government
 * host). Exit 0 when all pass, 1 when one fails.
 */
import { TemplateError, TemplateStore } from '../platform/documents/templates';
import { checkSmsTemplates, formatSmsTemplateCheck, SMS_CHECK_BASE_URL, smsTemplateProblems } from '../platform/notify/sms-template-check';

const at = process.argv.indexOf('--base-url');
const baseUrl = at > 0 ? process.argv[at + 1] : SMS_CHECK_BASE_URL;
if (!baseUrl || !/^https?:\/\/\S+$/.test(baseUrl)) {
  console.error('--base-url needs the app’s public address, e.g. --base-url https://police-ops.bhopal.mp.gov.in');
  process.exit(2);
}
const store = new TemplateStore();
let failed = false;
try {
  store.validateAll();
  console.log(`templates: ${store.allDeclarations().length} declared, each present in its languages with known placeholders`);
} catch (e) {
  failed = true;
  console.error(e instanceof TemplateError ? e.message : e);
}
const rows = checkSmsTemplates(store, baseUrl);
console.log(`\nSMS parts for the longest values, links at ${baseUrl}:\n`);
console.log(formatSmsTemplateCheck(rows));
const problems = smsTemplateProblems(rows);
if (problems.length > 0) {
  failed = true;
  console.error(`\n${problems.join('\n')}`);
}
process.exit(failed ? 1 : 0);
