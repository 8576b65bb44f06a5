import { DemoDataService } from '../demo/demo-data.service';
import { runTask } from './run-task';

void runTask('Loading demo data', (app, log) => app.get(DemoDataService).load(log));
