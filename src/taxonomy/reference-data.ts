import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Credential } from './credential.entity';
import { Specialty, SpecialtyGroup } from './specialty.entity';

export const DATA_DIR = join(__dirname, '..', '..', 'data');

interface CredentialRow {
  code: string;
  name: string;
  issuer: string;
  kind: string;
  notes?: string;
}

interface SpecialtyRow {
  slug: string;
  name: string;
  codeSystem: string;
  ranges?: Array<[string, string]>;
  description: string;
  group?: SpecialtyGroup;
  parent?: string;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as T;
}

export interface ReferenceLoadResult {
  credentials: number;
  specialties: number;
  removed: number;
}

/**
 * Loads data/credentials.json and data/specialties.json into their tables in
 * one transaction: new rows are added, changed rows updated, and rows the
 * files no longer hold removed. Running it again changes nothing.
 */
export async function loadReferenceData(dataSource: DataSource): Promise<ReferenceLoadResult> {
  const credentials = readJson<CredentialRow[]>('credentials.json');
  const specialties = readJson<SpecialtyRow[]>('specialties.json');
  const slugs = new Set(specialties.map((s) => s.slug));
  for (const s of specialties) {
    if (s.parent && !slugs.has(s.parent)) throw new Error(`data/specialties.json: ${s.slug} names an unknown parent ${s.parent}`);
  }

  return dataSource.transaction(async (manager) => {
    await manager.upsert(
      Credential,
      credentials.map((c, position) => ({ code: c.code, name: c.name, issuer: c.issuer, kind: c.kind, notes: c.notes ?? null, position })),
      ['code'],
    );
    await manager.upsert(
      Specialty,
      specialties.map((s, position) => ({
        slug: s.slug,
        name: s.name,
        codeSystem: s.codeSystem,
        ranges: s.ranges ?? [],
        description: s.description,
        group: s.group ?? null,
        parent: s.parent ?? null,
        position,
      })),
      ['slug'],
    );
    const removedCredentials = await manager
      .createQueryBuilder()
      .delete()
      .from(Credential)
      .where('NOT (code = ANY(:codes))', { codes: credentials.map((c) => c.code) })
      .execute();
    const removedSpecialties = await manager
      .createQueryBuilder()
      .delete()
      .from(Specialty)
      .where('NOT (slug = ANY(:slugs))', { slugs: [...slugs] })
      .execute();
    return {
      credentials: credentials.length,
      specialties: specialties.length,
      removed: (removedCredentials.affected ?? 0) + (removedSpecialties.affected ?? 0),
    };
  });
}
