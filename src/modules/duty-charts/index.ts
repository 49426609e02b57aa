// Duty charts' public face: what other modules may import from this module.
export { DutyChartsModule } from './duty-charts.module';
export { BandobastService } from './bandobast/bandobast.service';
export { CreateBandobastDto } from './bandobast/bandobast.dto';
export { BandobastReadersProvider } from './bandobast/need-to-know';
export type { BandobastReaders } from './bandobast/need-to-know';
