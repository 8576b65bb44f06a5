import { DataSource } from 'typeorm';
import { loadReferenceData } from '../taxonomy/reference-data';
import { runTask } from './run-task';

void runTask('Loading reference data', async (app, log) => {
  const result = await loadReferenceData(app.get(DataSource));
  log(`Reference data: ${result.credentials} credentials, ${result.specialties} specialties (${result.removed} removed).`);
});
