import { Module } from '@nestjs/common';

/** Applying to jobs: the candidate's side (apply, withdraw, track). */
@Module({})
export class ApplicationsModule {}
