// Data source for the TypeORM CLI (migration:generate/run/revert). Needs DATABASE_URL.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './src/platform/database/data-source.options';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('DATABASE_URL is not set. The CLI needs a server; `npm start` runs the embedded one.');
}
export default new DataSource(dataSourceOptions(url));
