import { Module } from '@nestjs/common';

/** Candidate profiles, resumes, saved jobs, and the candidate's data export and account deletion. */
@Module({})
export class CandidatesModule {}
