import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { Repository } from 'typeorm';
import { Credential } from './credential.entity';
import { Specialty } from './specialty.entity';

/**
 * How long a server keeps the taxonomy it read. Reference data changes with a
 * deploy (loaded at start-up or by `npm run reference:load`), while every
 * search and form reads it: a few seconds of reuse saves queries on each
 * request and lets a load reach every running instance quickly.
 */
const TAXONOMY_TTL_MS = 5_000;

type TaxonomyList = 'credentials' | 'specialties';

/** Read access to the credential and specialty taxonomy. */
@Injectable()
export class TaxonomyService {
  // fetchMethod makes concurrent requests for an expired list share one query.
  private readonly lists = new LRUCache<TaxonomyList, Credential[] | Specialty[]>({
    max: 2,
    ttl: TAXONOMY_TTL_MS,
    fetchMethod: (list) =>
      list === 'credentials' ? this.credentials.find({ order: { position: 'ASC' } }) : this.specialties.find({ order: { position: 'ASC' } }),
  });

  constructor(
    @InjectRepository(Credential) private readonly credentials: Repository<Credential>,
    @InjectRepository(Specialty) private readonly specialties: Repository<Specialty>,
  ) {}

  /** Credentials in display order (a copy: callers may sort or filter it). */
  async listCredentials(): Promise<Credential[]> {
    return [...((await this.lists.forceFetch('credentials')) as Credential[])];
  }

  /** Specialties and settings in display order (a copy). */
  async listSpecialties(): Promise<Specialty[]> {
    return [...((await this.lists.forceFetch('specialties')) as Specialty[])];
  }

  /** Code specialties a job can be tagged with: everything but settings. */
  async listCodeSpecialties(): Promise<Specialty[]> {
    return (await this.listSpecialties()).filter((s) => s.group !== 'setting');
  }

  /** Coding settings (inpatient facility, pro-fee…). */
  async listSettings(): Promise<Specialty[]> {
    return (await this.listSpecialties()).filter((s) => s.group === 'setting');
  }

  /** The given codes that are not in the taxonomy. */
  async unknownCredentials(codes: string[]): Promise<string[]> {
    const known = new Set((await this.listCredentials()).map((c) => c.code));
    return codes.filter((c) => !known.has(c));
  }

  /** The given slugs that are not code specialties (or, with `settings`, not settings). */
  async unknownSpecialties(slugs: string[], kind: 'specialty' | 'setting'): Promise<string[]> {
    const rows = await this.listSpecialties();
    const known = new Set(rows.filter((s) => (kind === 'setting') === (s.group === 'setting')).map((s) => s.slug));
    return slugs.filter((s) => !known.has(s));
  }

  /** A slug with its descendants (a parent such as cpt-surgery matches its subsections). */
  async withDescendants(slugs: string[]): Promise<string[]> {
    const rows = await this.listSpecialties();
    const result = new Set(slugs);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of rows) {
        if (s.parent && result.has(s.parent) && !result.has(s.slug)) {
          result.add(s.slug);
          grew = true;
        }
      }
    }
    return [...result];
  }
}
