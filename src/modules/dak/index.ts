// Dak's public face: what other parts of the app may import from this module.
export { DakModule } from './dak.module';
