import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The one description of our database, used by the app (TypeOrmModule), the
 * command-line tasks and the tests. Schema changes only through migrations.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [join(__dirname, '..', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    uuidExtension: 'pgcrypto',
    extra: { max: 20, application_name: 'careercenter' },
  };
}

export async function openDataSource(url: string): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url)).initialize();
}
