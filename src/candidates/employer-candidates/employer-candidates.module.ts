import { Module } from '@nestjs/common';

/** Employers finding opted-in candidates, inviting them to apply, and the views log. */
@Module({})
export class EmployerCandidatesModule {}
