import type { ChannelFault, ModeState } from './channel-health';
import type { ChannelFaultKind } from './gateway';

export interface Bilingual {
  readonly en: string;
  readonly hi: string;
}

// What a network code means, in words a control-room user can pass on to the IT cell.
const NETWORK: Array<{ codes: RegExp; en: string; hi: string }> = [
  { codes: /^ECONNREFUSED$/, en: 'the connection was refused', hi: 'कनेक्शन अस्वीकार हुआ' },
  { codes: /^(TIMEOUT|DEADLINE|ETIMEDOUT|UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT)$/, en: 'no answer in time', hi: 'समय पर कोई उत्तर नहीं मिला' },
  { codes: /^(ENOTFOUND|EAI_AGAIN)$/, en: 'its address could not be resolved (DNS)', hi: 'उसका पता (DNS) नहीं मिल सका' },
  { codes: /^(ECONNRESET|EPIPE|UND_ERR_SOCKET|ECONNABORTED)$/, en: 'the connection was cut', hi: 'कनेक्शन बीच में टूट गया' },
  { codes: /^(EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN)$/, en: 'there is no network route to it', hi: 'उस तक कोई नेटवर्क मार्ग नहीं है' },
  { codes: /(CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY)/, en: 'its TLS certificate was not accepted', hi: 'उसका TLS प्रमाणपत्र स्वीकार नहीं हुआ' },
];

function networkCause(code: string): Bilingual {
  const known = NETWORK.find((n) => n.codes.test(code));
  return known ? { en: `${known.en} (${code})`, hi: `${known.hi} (${code})` } : { en: `network error ${code}`, hi: `नेटवर्क त्रुटि ${code}` };
}

/** `HTTP 500`, `SMTP 421`, or the gateway's code. */
function answerName(fault: ChannelFault): string {
  if (fault.httpStatus !== null) return `HTTP ${fault.httpStatus}`;
  const smtp = /^SMTP_(\d{3})$/.exec(fault.code);
  return smtp ? `SMTP ${smtp[1]}` : fault.code;
}

function failingCause(fault: ChannelFault): Bilingual {
  const answer = answerName(fault);
  if (fault.code === 'BAD_RESPONSE') {
    return fault.seenIn === 'probe'
      ? { en: 'its health check answered without the expected reply', hi: 'स्वास्थ्य-जाँच पर अपेक्षित उत्तर नहीं मिला' }
      : { en: 'it answers deliveries without a receipt number', hi: 'प्रविष्टि भेजने पर वह प्राप्ति-संख्या के बिना उत्तर देता है' };
  }
  return fault.seenIn === 'probe'
    ? { en: `its health check answered ${answer}`, hi: `स्वास्थ्य-जाँच पर उसका उत्तर ${answer} है` }
    : {
        en: `deliveries are answered ${answer}, although its health check passes`,
        hi: `प्रविष्टि भेजने पर उसका उत्तर ${answer} है, यद्यपि स्वास्थ्य-जाँच सफल है`,
      };
}

/** The setting an administrator must look at when our credentials are refused. */
function credentialSetting(fault: ChannelFault): string {
  return fault.code.startsWith('HTTP_') ? 'EOFFICE_TOKEN' : 'EOFFICE_SMTP_USER / EOFFICE_SMTP_PASSWORD';
}

/** The status page's reason: what is true of e-Office, in English and Hindi. */
export function modeReason(state: ModeState): Bilingual {
  if (state.mode === 'ONLINE') {
    return state.onlineBy === 'delivery'
      ? { en: 'e-Office took a delivery', hi: 'ई-ऑफिस ने एक प्रविष्टि स्वीकार की' }
      : { en: 'e-Office answers its health check', hi: 'ई-ऑफिस स्वास्थ्य-जाँच का उत्तर दे रहा है' };
  }
  const fault = state.fault;
  if (!fault) return { en: 'e-Office is not available', hi: 'ई-ऑफिस उपलब्ध नहीं है' };
  switch (fault.kind) {
    case 'UNREACHABLE': {
      const cause = networkCause(fault.code);
      return { en: `e-Office unreachable: ${cause.en}`, hi: `ई-ऑफिस से संपर्क नहीं हो पा रहा: ${cause.hi}` };
    }
    case 'FAILING': {
      const cause = failingCause(fault);
      return { en: `e-Office reachable but failing: ${cause.en}`, hi: `ई-ऑफिस तक पहुँच है, पर वह काम नहीं कर रहा: ${cause.hi}` };
    }
    case 'CREDENTIALS_REFUSED': {
      const answer = answerName(fault);
      const setting = credentialSetting(fault);
      return {
        en: `e-Office refuses our credentials (${answer}): check ${setting}`,
        hi: `ई-ऑफिस हमारे प्रमाण-पत्र (क्रेडेंशियल) अस्वीकार कर रहा है (${answer}): ${setting} जाँचें`,
      };
    }
  }
}

/** What a user may rely on while DEGRADED. */
export function degradedNote(fault: ChannelFaultKind | null): Bilingual {
  const lead: Bilingual =
    fault === 'FAILING'
      ? { en: 'e-Office is reachable but failing.', hi: 'ई-ऑफिस तक पहुँच है, पर वह काम नहीं कर रहा।' }
      : fault === 'CREDENTIALS_REFUSED'
        ? { en: 'e-Office refuses our credentials; an administrator must correct the setting.', hi: 'ई-ऑफिस हमारे प्रमाण-पत्र अस्वीकार कर रहा है; व्यवस्थापक को सेटिंग ठीक करनी होगी।' }
        : { en: 'e-Office is unreachable.', hi: 'ई-ऑफिस से संपर्क नहीं हो पा रहा।' };
  return {
    en: `${lead.en} Work continues here; items are queued and will be diarised once it is back. A queued item is not final in e-Office until it shows DELIVERED.`,
    hi: `${lead.hi} यहाँ काम चलता रहेगा; प्रविष्टियाँ कतार में रखी गई हैं और ई-ऑफिस लौटते ही डायरी हो जाएँगी। कतार की प्रविष्टि ई-ऑफिस में तब तक अंतिम नहीं है जब तक वह DELIVERED न दिखाए।`,
  };
}
