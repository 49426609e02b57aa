import { ChannelHealth, probeFault, deliveryFault } from './channel-health';
import { degradedNote, modeReason } from './channel-mode-text';
import { PermanentGatewayError, TransientGatewayError } from './gateway';
import { seededChance } from './simulator/simulator-mode';

const P = 30_000;
const refused = { kind: 'UNREACHABLE' as const, code: 'ECONNREFUSED', httpStatus: null };
const http500 = { kind: 'FAILING' as const, code: 'HTTP_500', httpStatus: 500 };
const online = () => new ChannelHealth({ probeIntervalMs: P, deliveryFailures: 5 }, { mode: 'ONLINE', fault: null });

describe('ChannelHealth: the system mode from what was seen of e-Office', () => {
  it('turns DEGRADED on a failed health check with nothing delivered, and ONLINE on the next one that passes', () => {
    const h = online();
    expect(h.probeFailed(refused, 1_000)).toEqual({ mode: 'DEGRADED', fault: { ...refused, seenIn: 'probe' }, onlineBy: null });
    expect(h.admit()).toBe(false);
    expect(h.dispatchLimit).toBe(0);
    expect(h.probePassed()).toEqual({ mode: 'ONLINE', fault: null, onlineBy: 'probe' });
    expect(h.admit()).toBe(true);
    expect(h.dispatchLimit).toBe(Number.POSITIVE_INFINITY);
  });

  it('remembers when the outage began: the first failed delivery before it, or the failed check', () => {
    const h = online();
    h.deliveryFailed(refused, 500);
    h.deliveryFailed(refused, 700);
    h.probeFailed(refused, 1_000);
    expect(h.lastOutageBegan).toBe(500);
    h.probePassed();
    expect(h.lastOutageBegan).toBe(500);
    h.delivered(2_000);
    h.probeFailed(refused, 3_000);
    expect(h.lastOutageBegan).toBe(3_000);
  });

  it('ignores a failed health check when a delivery got through after the check began', () => {
    const h = online();
    h.delivered(1_500);
    expect(h.probeFailed(refused, 1_000)).toBeUndefined();
    expect(h.mode).toBe('ONLINE');
    expect(h.probeFailed(refused, 2_000)?.mode).toBe('DEGRADED');
  });

  it('tells a change of cause while DEGRADED, and nothing when the cause stays the same', () => {
    const h = online();
    h.probeFailed(refused, 0);
    expect(h.probeFailed(refused, 1)).toBeUndefined();
    expect(h.probeFailed(http500, 2)).toMatchObject({ mode: 'DEGRADED', fault: { kind: 'FAILING', httpStatus: 500 } });
  });

  it('asks for a health check at the first failed delivery and at every run of EOFFICE_BREAKER_FAILURES', () => {
    const h = online();
    const asks = Array.from({ length: 10 }, (_, i) => h.deliveryFailed(http500, i).probeNow);
    expect(asks).toEqual([true, false, false, false, true, false, false, false, false, true]);
  });

  it('turns DEGRADED on deliveries alone only after twice the failures over a whole probe interval with none delivered', () => {
    const h = online();
    for (let i = 0; i < 20; i++) expect(h.deliveryFailed(http500, i * 100).state).toBeUndefined();
    expect(h.deliveryFailed(http500, P).state).toEqual({ mode: 'DEGRADED', fault: { ...http500, seenIn: 'deliveries' }, onlineBy: null });
  });

  it('while DEGRADED by deliveries, lets one trial through per passed health check, and turns ONLINE when it is delivered', () => {
    const h = online();
    for (let i = 0; i <= 10; i++) h.deliveryFailed(http500, i * P);
    expect(h.mode).toBe('DEGRADED');
    expect(h.probePassed()).toBeUndefined();
    expect(h.dispatchLimit).toBe(1);
    expect(h.admit()).toBe(true);
    expect(h.admit()).toBe(false);
    expect(h.deliveryFailed(http500, 20 * P).state).toBeUndefined();
    expect(h.admit()).toBe(false);
    h.probePassed();
    expect(h.admit()).toBe(true);
    h.withdraw();
    expect(h.admit()).toBe(true);
    expect(h.delivered(21 * P)).toEqual({ mode: 'ONLINE', fault: null, onlineBy: 'delivery' });
  });

  it('does not flap under a receiver that fails 30% of deliveries, at any pace', () => {
    for (const gapMs of [1, 50, 2_000, 10_000]) {
      const h = online();
      const fails = seededChance(7, 30);
      let changes = 0;
      for (let i = 0; i < 5_000; i++) {
        const change = fails() ? h.deliveryFailed(http500, i * gapMs).state : h.delivered(i * gapMs);
        if (change) changes++;
      }
      expect([gapMs, changes]).toEqual([gapMs, 0]);
    }
  });
});

describe('what a failure says of e-Office', () => {
  it('reads the fault of a transient error, and of a permanent one only for the health check', () => {
    const e500 = new TransientGatewayError('HTTP_500', 'x', { fault: 'FAILING', httpStatus: 500 });
    expect(probeFault(e500)).toEqual(http500);
    expect(deliveryFault(e500)).toEqual(http500);
    const e422 = new PermanentGatewayError('HTTP_422', 'bad item');
    expect(deliveryFault(e422)).toBeNull();
    expect(probeFault(e422)).toEqual({ kind: 'FAILING', code: 'HTTP_422', httpStatus: 422 });
    expect(deliveryFault(new Error('document missing'))).toBeNull();
    expect(probeFault(Object.assign(new Error('boom'), { code: 'EPIPE' }))).toEqual({ kind: 'UNREACHABLE', code: 'EPIPE', httpStatus: null });
  });
});

describe('the reason shown on the status page', () => {
  const degraded = (fault: Parameters<ChannelHealth['probeFailed']>[0], seenIn: 'probe' | 'deliveries' = 'probe') =>
    modeReason({ mode: 'DEGRADED', fault: { ...fault, seenIn }, onlineBy: null });

  it('keeps "reachable but failing" apart from "unreachable", in English and Hindi', () => {
    expect(degraded(refused)).toEqual({
      en: 'e-Office unreachable: the connection was refused (ECONNREFUSED)',
      hi: 'ई-ऑफिस से संपर्क नहीं हो पा रहा: कनेक्शन अस्वीकार हुआ (ECONNREFUSED)',
    });
    expect(degraded(http500)).toEqual({
      en: 'e-Office reachable but failing: its health check answered HTTP 500',
      hi: 'ई-ऑफिस तक पहुँच है, पर वह काम नहीं कर रहा: स्वास्थ्य-जाँच पर उसका उत्तर HTTP 500 है',
    });
    expect(degraded(http500, 'deliveries').en).toBe('e-Office reachable but failing: deliveries are answered HTTP 500, although its health check passes');
    expect(degraded({ kind: 'UNREACHABLE', code: 'TIMEOUT', httpStatus: null }).en).toBe('e-Office unreachable: no answer in time (TIMEOUT)');
    expect(degraded({ kind: 'FAILING', code: 'SMTP_421', httpStatus: null }).en).toBe('e-Office reachable but failing: its health check answered SMTP 421');
  });

  it('names the setting to check when our credentials are refused', () => {
    expect(degraded({ kind: 'CREDENTIALS_REFUSED', code: 'HTTP_401', httpStatus: 401 })).toEqual({
      en: 'e-Office refuses our credentials (HTTP 401): check EOFFICE_TOKEN',
      hi: 'ई-ऑफिस हमारे प्रमाण-पत्र (क्रेडेंशियल) अस्वीकार कर रहा है (HTTP 401): EOFFICE_TOKEN जाँचें',
    });
    expect(degraded({ kind: 'CREDENTIALS_REFUSED', code: 'EAUTH', httpStatus: null }).en).toContain('EOFFICE_SMTP_PASSWORD');
  });

  it('says what turned it ONLINE, and that a queued item is not final while DEGRADED', () => {
    expect(modeReason({ mode: 'ONLINE', fault: null, onlineBy: 'probe' }).hi).toMatch(/स्वास्थ्य-जाँच/);
    expect(modeReason({ mode: 'ONLINE', fault: null, onlineBy: 'delivery' }).en).toBe('e-Office took a delivery');
    const note = degradedNote('FAILING');
    expect(note.en).toMatch(/^e-Office is reachable but failing\. .*not final/);
    expect(note.hi).toMatch(/अंतिम नहीं/);
  });
});
