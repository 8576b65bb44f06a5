import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';
import { JobSearchParams } from '../search/job-search-query';
import { JobSearchResult } from '../search/job-search-result';
import { JobSearchService } from '../search/job-search.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { inAlertTerms, searchParamsOf } from './alert-filters';
import { cleanAlertName, defaultAlertName, MAX_ALERT_NAME_LENGTH } from './alert-name';
import { AlertSearch, AlertSearchFields } from './alert-search';
import { Alert, AlertFrequency } from './alert.entity';
import { AlertSchedule } from './alert-schedule.entity';
import { digestStart, firstSchedule, isKnownTimeZone, nextDigestAt } from './digest-schedule';

/** Whose alerts: a member's (by account) or a guest's (by lower-cased address). */
export type AlertOwner = { userId: string } | { guestEmail: string };

/**
 * Alerts a member may keep, and a guest address (issue 6), not counting
 * unsubscribed ones: enough for every credential-and-place combination a
 * coder watches, few enough that nobody turns the board into a mailing list.
 */
export const MAX_MEMBER_ALERTS = 25;
export const MAX_GUEST_ALERTS = 10;

export interface AlertInput {
  /** Blank or missing: a name made from the search. */
  name?: string;
  params: JobSearchParams;
  frequency: AlertFrequency;
  /** Missing: ALERT_DEFAULT_TIME_ZONE. */
  timeZone?: string;
}

export interface AlertChanges {
  name?: string;
  /** Replaces the words searched; the filters stay unless given too. */
  query?: string;
  /** Replaces every filter (as the API names them, see searchParamsOf). */
  filters?: Record<string, unknown>;
  frequency?: AlertFrequency;
  timeZone?: string;
  /** false also restarts an alert stopped by an unsubscribe link. */
  paused?: boolean;
}

export interface AlertPreview {
  alert: Alert;
  /** The days looked back: 7, or 1 for an alert that only wants the past day's jobs. */
  days: number;
  result: JobSearchResult;
}

/** Jobs a preview shows at most: a digest's worth. */
const PREVIEW_JOBS = 20;

/** The owner's column, for WHERE clauses (the owner check keeps the other one null). */
const ownerWhere = (owner: AlertOwner) => ('userId' in owner ? { userId: owner.userId } : { guestEmail: owner.guestEmail });
/** The same, for SQL. */
const ownerColumn = (owner: AlertOwner): ['user_id' | 'guest_email', string] =>
  'userId' in owner ? ['user_id', owner.userId] : ['guest_email', owner.guestEmail];

/**
 * Saved searches of members and guests: creating (through the search's own
 * query object), listing, changing, pausing, deleting and previewing them.
 * Every read and write names the owner in its WHERE clause, so another
 * owner's alert is simply not found.
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alertSearch: AlertSearch,
    private readonly search: JobSearchService,
    private readonly taxonomy: TaxonomyService,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  /**
   * A member's alert is confirmed at once; a guest's waits for its emailed
   * link (see GuestAlertsService). In `manager`'s transaction when given.
   * 400 for a search the search page would refuse, 409 past the owner's cap.
   */
  async create(owner: AlertOwner, input: AlertInput, manager?: EntityManager): Promise<Alert> {
    const { fields, name } = await this.searchFields(input.params, typedName(input.name));
    const timeZone = this.timeZone(input.timeZone);
    const create = async (m: EntityManager): Promise<Alert> => {
      await this.checkRoom(m, owner);
      const now = this.clock.now();
      const alert = m.create(Alert, {
        userId: null,
        guestEmail: null,
        ...ownerWhere(owner),
        ...fields,
        name,
        frequency: input.frequency,
        timeZone,
        confirmedAt: 'userId' in owner ? now : null,
        pausedAt: null,
        unsubscribedAt: null,
      });
      const saved = await m.save(alert);
      await m.insert(AlertSchedule, { alertId: saved.id, lastDigestAt: null, ...firstSchedule(input.frequency, timeZone, this.env.ALERT_DIGEST_HOUR, now) });
      return saved;
    };
    return manager ? create(manager) : this.dataSource.transaction(create);
  }

  /** Newest first, unsubscribed ones too (they can be resumed or deleted). */
  list(owner: AlertOwner): Promise<Alert[]> {
    return this.dataSource.manager.find(Alert, { where: ownerWhere(owner), order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async get(owner: AlertOwner, id: string): Promise<Alert> {
    const alert = isUUID(id) ? await this.dataSource.manager.findOneBy(Alert, { id, ...ownerWhere(owner) }) : null;
    if (!alert) throw notFound();
    return alert;
  }

  async update(owner: AlertOwner, id: string, changes: AlertChanges): Promise<Alert> {
    const name = typedName(changes.name);
    const timeZone = changes.timeZone === undefined ? undefined : this.timeZone(changes.timeZone);
    return this.dataSource.transaction(async (manager) => {
      const alert = isUUID(id) ? await manager.findOne(Alert, { where: { id, ...ownerWhere(owner) }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!alert) throw notFound();
      const schedule = await manager.findOneOrFail(AlertSchedule, { where: { alertId: alert.id }, lock: { mode: 'pessimistic_write' } });
      const searched =
        changes.query !== undefined || changes.filters !== undefined ? await this.searchFields(changedParams(alert.params, changes), name) : undefined;
      const now = this.clock.now();
      const rescheduled = alert.frequency !== (changes.frequency ?? alert.frequency) || alert.timeZone !== (timeZone ?? alert.timeZone);
      const resumed = changes.paused === false && (alert.pausedAt !== null || alert.unsubscribedAt !== null);
      if (searched) Object.assign(alert, searched.fields);
      if (changes.name !== undefined) alert.name = name || searched?.name || (await this.searchFields(alert.params, undefined)).name;
      if (changes.frequency) {
        alert.frequency = changes.frequency;
        schedule.digestSince = digestStart(alert.frequency, schedule.digestSince, now);
      }
      if (timeZone) alert.timeZone = timeZone;
      if (changes.paused === true) alert.pausedAt ??= now;
      if (resumed) {
        // An unsubscribed alert counts against the cap again once it restarts.
        if (alert.unsubscribedAt) await this.checkRoom(manager, owner);
        alert.pausedAt = null;
        alert.unsubscribedAt = null;
      }
      // A resumed digest starts from its next slot rather than at once for the time it was off.
      if (rescheduled || resumed) schedule.nextDigestAt = nextDigestAt(alert.frequency, alert.timeZone, this.env.ALERT_DIGEST_HOUR, now);
      if (changes.frequency || rescheduled || resumed) await manager.save(schedule);
      return manager.save(alert);
    });
  }

  /** Its deliveries go with it (foreign key). Returns the name it had. */
  async remove(owner: AlertOwner, id: string): Promise<string> {
    if (!isUUID(id)) throw notFound();
    const [column, key] = ownerColumn(owner);
    const [deleted] = (await this.dataSource.query(`DELETE FROM alerts WHERE id = $1 AND ${column} = $2 RETURNING name`, [id, key])) as [
      Array<{ name: string }>,
      number,
    ];
    if (!deleted.length) throw notFound();
    return deleted[0].name;
  }

  /**
   * What the alert would have sent in the last 7 days: its own search, run
   * by the search service, limited to jobs posted in the past week (or the
   * past day, when that is the alert's own narrower window), newest first.
   */
  async preview(owner: AlertOwner, id: string): Promise<AlertPreview> {
    const alert = await this.get(owner, id);
    const days = alert.postedWithin === 1 ? 1 : 7;
    const result = await this.search.search({ ...alert.params, postedWithin: String(days), sort: 'newest', perPage: String(PREVIEW_JOBS) });
    return { alert, days, result };
  }

  /** What the alert stores of `params`, and its name: `name` when given, else one made from the search. */
  private async searchFields(params: JobSearchParams, name: string | undefined): Promise<{ fields: AlertSearchFields; name: string }> {
    try {
      const { query, fields } = await this.alertSearch.fields(params);
      return { fields, name: name || defaultAlertName(query, await this.taxonomy.listSpecialties()) };
    } catch (error) {
      throw inAlertTerms(error);
    }
  }

  private timeZone(zone: string | undefined): string {
    if (zone === undefined) return this.env.ALERT_DEFAULT_TIME_ZONE;
    if (!isKnownTimeZone(zone)) throw new DomainError('bad_request', 'Unknown time zone.', { timeZone: ['Use an IANA time zone, e.g. America/Chicago.'] });
    return zone;
  }

  /**
   * Refuses one alert too many for the owner (409). Two requests at once
   * for one owner queue on an advisory lock, so both cannot squeeze past it.
   */
  private async checkRoom(manager: EntityManager, owner: AlertOwner): Promise<void> {
    const [column, key] = ownerColumn(owner);
    const max = 'userId' in owner ? MAX_MEMBER_ALERTS : MAX_GUEST_ALERTS;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`alerts:${key}`]);
    const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM alerts WHERE ${column} = $1 AND unsubscribed_at IS NULL`, [key])) as Array<{
      count: number;
    }>;
    if (count >= max) {
      const who = 'userId' in owner ? 'You have' : 'This email address has';
      throw new DomainError('conflict', `${who} ${max} job alerts already, the most there can be. Delete one you no longer need first.`);
    }
  }
}

/** The alert's search with the words or the filters replaced. */
function changedParams(current: JobSearchParams, { query, filters }: AlertChanges): JobSearchParams {
  const { q, ...currentFilters } = current;
  const words = query ?? q;
  return { ...(filters === undefined ? currentFilters : searchParamsOf(undefined, filters)), ...(words ? { q: words } : {}) };
}

/** A typed name on one line; blank becomes undefined (a name made from the search). */
function typedName(name: string | undefined): string | undefined {
  const cleaned = name === undefined ? '' : cleanAlertName(name);
  if (cleaned.length > MAX_ALERT_NAME_LENGTH) {
    throw new DomainError('bad_request', 'The name is too long.', { name: [`Keep the name to ${MAX_ALERT_NAME_LENGTH} characters or fewer.`] });
  }
  return cleaned || undefined;
}

const notFound = () => new DomainError('not_found', 'There is no such job alert. It may have been deleted.');
