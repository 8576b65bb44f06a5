import { Module } from '@nestjs/common';
import { CodeImportService } from './code-import.service';

@Module({ providers: [CodeImportService], exports: [CodeImportService] })
export class CodesModule {}
