// The simulator speaks exactly the HTTP adapter's API (see http-wire.ts), so this is the HTTP
// adapter under another channel name: status pages and logs then say which one is in use.

import { GatewayChannel } from './eoffice-gateway.port';
import { HttpGatewayAdapter } from './http.adapter';

export interface SimulatorGatewayConfig {
  /** The `url` returned by startEofficeSimulator, or `http://127.0.0.1:4600` for `npm run eoffice:sim`. */
  readonly url: string;
  readonly timeoutMs?: number;
  readonly token?: string;
}

export class SimulatorGatewayAdapter extends HttpGatewayAdapter {
  override readonly channel: GatewayChannel = 'simulator';

  constructor(config: SimulatorGatewayConfig) {
    super({ baseUrl: config.url, timeoutMs: config.timeoutMs, token: config.token });
  }
}
