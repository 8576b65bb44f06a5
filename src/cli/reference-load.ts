import { DataSource } from 'typeorm';
import { describeReferenceLoad, loadReferenceData } from '../taxonomy/reference-data';
import { runTask } from './run-task';

void runTask('Loading reference data', async (app, log) => {
  log(describeReferenceLoad(await loadReferenceData(app.get(DataSource))));
});
