import { Injectable } from '@nestjs/common';

@Injectable()
export class DemoDataService {
  async load(log: (message: string) => void): Promise<void> {
    void log;
  }
}
