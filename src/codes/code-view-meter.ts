import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { Env } from '../config/env';
import type { User } from '../users/user.entity';
import type { CodeRef, CodeView } from './codes.service';

/** The first-party cookie that tells a signed-out visitor's views apart. */
export const VISITOR_COOKIE = 'cc_visitor';

/** The shape of the ids we put in that cookie; anything else in it is ignored. */
export const VISITOR_ID = /^[A-Za-z0-9_-]{16,64}$/;

const WINDOW_MS = 24 * 3600_000;
/** Several people can share one address (an office, a hospital): it may see this many times a visitor's views. */
const VIEWS_PER_ADDRESS = 10;

export interface MeterReading {
  /** Whether this view shows the code in full. */
  allowed: boolean;
  /** Null when not metered (employers and admins). */
  limit: number | null;
  signedIn: boolean;
}

/**
 * Meters full code-page views per rolling 24 hours: a signed-out visitor by
 * a first-party cookie and by IP address, a coder by account; employers and
 * admins are not metered. Counting and recording happen under a lock per
 * key, so parallel views cannot pass the limit together.
 */
@Injectable()
export class CodeViewMeter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  async view(req: Request, res: Response, system: string, code: string): Promise<MeterReading> {
    const user = req.user as User | undefined;
    if (user && user.role !== 'candidate') return { allowed: true, limit: null, signedIn: true };
    const limits = user
      ? [{ key: `user:${user.id}`, limit: this.env.CODE_VIEWS_MEMBER }]
      : [
          { key: `visitor:${this.visitor(req, res)}`, limit: this.env.CODE_VIEWS_SIGNED_OUT },
          { key: `ip:${req.ip ?? 'unknown'}`, limit: this.env.CODE_VIEWS_SIGNED_OUT * VIEWS_PER_ADDRESS },
        ];
    const now = this.clock.now();
    const since = new Date(now.getTime() - WINDOW_MS);
    const allowed = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtext('careercenter.code-views:' || k.key)) FROM (SELECT key FROM unnest($1::text[]) AS key ORDER BY key) k`,
        [limits.map((l) => l.key)],
      );
      const counts = await manager.query<Array<{ key: string; views: number }>>(
        `SELECT meter_key AS key, count(*)::int AS views FROM code_views WHERE meter_key = ANY ($1::text[]) AND viewed_at > $2 GROUP BY meter_key`,
        [limits.map((l) => l.key), since],
      );
      const within = limits.every((l) => (counts.find((c) => c.key === l.key)?.views ?? 0) < l.limit);
      if (within) {
        await manager.query(`INSERT INTO code_views (meter_key, system, code, viewed_at) SELECT key, $2, $3, $4 FROM unnest($1::text[]) AS key`, [
          limits.map((l) => l.key),
          system,
          code,
          now,
        ]);
        // Old rows go as new ones come: a few at a time, never a long delete.
        await manager.query(`DELETE FROM code_views WHERE id IN (SELECT id FROM code_views WHERE viewed_at <= $1 LIMIT 50)`, [since]);
      }
      return within;
    });
    return { allowed, limit: limits[0].limit, signedIn: Boolean(user) };
  }

  /** The view past the limit: the code and its place, no description of it or of the codes around it. */
  static gate(view: CodeView): CodeView & { gated: true } {
    const bare = (ref: CodeRef | null) => ref && { ...ref, description: null };
    return {
      ...view,
      description: null,
      shortDescription: null,
      // The copyright line goes with a licensed descriptor: none is shown.
      copyright: null,
      parent: bare(view.parent),
      children: [],
      previous: bare(view.previous),
      next: bare(view.next),
      gated: true,
    };
  }

  /** The visitor's id from the cookie, or a new one set now. */
  private visitor(req: Request, res: Response): string {
    const current = (req.cookies as Record<string, string> | undefined)?.[VISITOR_COOKIE];
    if (current && VISITOR_ID.test(current)) return current;
    const id = randomBytes(18).toString('base64url');
    res.cookie(VISITOR_COOKIE, id, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.env.isProduction,
      maxAge: 365 * 24 * 3600_000,
      path: '/',
    });
    return id;
  }
}
