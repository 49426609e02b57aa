// VIP programmes' public face: what other parts of the app may import from this module.
export { VipProgrammesModule } from './vip-programmes.module';
