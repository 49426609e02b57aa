// One place that turns configuration into an adapter, for a Nest provider such as
//   { provide: EOFFICE_GATEWAY, useFactory: (c: AppConfig) => createEofficeGateway(c.eoffice), inject: [...] }

import { EmailGatewayAdapter, EmailGatewayConfig } from './email.adapter';
import { EofficeGateway } from './eoffice-gateway.port';
import { HttpGatewayAdapter, HttpGatewayConfig } from './http.adapter';
import { SimulatorGatewayAdapter, SimulatorGatewayConfig } from './simulator.adapter';

export type EofficeGatewayConfig =
  | ({ adapter: 'email' } & EmailGatewayConfig)
  | ({ adapter: 'http' } & HttpGatewayConfig)
  | ({ adapter: 'simulator' } & SimulatorGatewayConfig);

export function createEofficeGateway(config: EofficeGatewayConfig): EofficeGateway {
  switch (config.adapter) {
    case 'email':
      return new EmailGatewayAdapter(config);
    case 'http':
      return new HttpGatewayAdapter(config);
    case 'simulator':
      return new SimulatorGatewayAdapter(config);
  }
}
