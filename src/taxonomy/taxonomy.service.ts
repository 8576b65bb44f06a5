import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Credential } from './credential.entity';
import { Specialty } from './specialty.entity';

/** Read access to the credential and specialty taxonomy (small; read per request, no cache to go stale). */
@Injectable()
export class TaxonomyService {
  constructor(
    @InjectRepository(Credential) private readonly credentials: Repository<Credential>,
    @InjectRepository(Specialty) private readonly specialties: Repository<Specialty>,
  ) {}

  listCredentials(): Promise<Credential[]> {
    return this.credentials.find({ order: { position: 'ASC' } });
  }

  listSpecialties(): Promise<Specialty[]> {
    return this.specialties.find({ order: { position: 'ASC' } });
  }

  /** Code specialties a job can be tagged with: everything but settings. */
  async listCodeSpecialties(): Promise<Specialty[]> {
    return (await this.listSpecialties()).filter((s) => s.group !== 'setting');
  }

  /** Coding settings (inpatient facility, pro-fee…). */
  listSettings(): Promise<Specialty[]> {
    return this.specialties.find({ where: { group: 'setting' }, order: { position: 'ASC' } });
  }

  /** The given codes that are not in the taxonomy. */
  async unknownCredentials(codes: string[]): Promise<string[]> {
    const known = new Set((await this.credentials.find({ select: { code: true } })).map((c) => c.code));
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
