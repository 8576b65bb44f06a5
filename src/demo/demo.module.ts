import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EmployersModule } from '../employers/employers.module';
import { DemoDataService } from './demo-data.service';

@Module({
  imports: [AuthModule, EmployersModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoModule {}
