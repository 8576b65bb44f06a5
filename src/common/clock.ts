import { Injectable } from '@nestjs/common';

/** The current time, injected so that tests can move it (expiry, digests, rate windows in code). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
