import { DataSource } from 'typeorm';

/** The SQL TypeORM would run to bring the schema in line with the entities (empty when none). */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
