/** Settings that make the e-Office machinery react in test time instead of production time. */
export function fastEofficeEnv(simulatorUrl: string): Record<string, string> {
  return {
    EOFFICE_ADAPTER: 'simulator',
    EOFFICE_URL: simulatorUrl,
    EOFFICE_TIMEOUT_MS: '1000',
    EOFFICE_BREAKER_FAILURES: '3',
    EOFFICE_PROBE_INTERVAL_SECONDS: '1',
    EOFFICE_DISPATCH_INTERVAL_MS: '100',
    EOFFICE_RECONCILE_INTERVAL_SECONDS: '2',
    EOFFICE_DRAIN_PER_SECOND: '500',
    EOFFICE_MAX_ATTEMPTS: '1000',
  };
}

export function dakBody(i: number, overrides: Record<string, unknown> = {}) {
  return {
    subject: `धरना-प्रदर्शन की अनुमति हेतु आवेदन क्रमांक ${i} / Application ${i}`,
    senderName: `Applicant ${i}`,
    intakeChannel: (['EMAIL', 'WHATSAPP', 'WALK_IN', 'POST'] as const)[i % 4],
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    ...overrides,
  };
}
