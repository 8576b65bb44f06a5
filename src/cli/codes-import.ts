import { CodeImportService } from '../codes/code-import.service';
import { runTask, startProgress } from './run-task';

void runTask('Importing the code lists', async (app, log) => {
  for (const outcome of await app.get(CodeImportService).importAll(startProgress)) {
    log(`${outcome.source}: ${outcome.rows.toLocaleString('en-US')} codes${outcome.changed ? '' : ', already loaded from the same file (nothing changed)'}.`);
  }
});
