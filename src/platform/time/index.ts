// The platform's time: India Standard Time calendar and clock arithmetic, and the app's clock.
export * from './ist';
export * from './clock';
export { TimeModule } from './time.module';
