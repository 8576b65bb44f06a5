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
  /** Search documents rebuilt because names or the specialty tree changed (documents carry both). */
  searchDocumentsRefreshed: number;
}

/** What of the taxonomy search documents depend on: names, and parents (documents list ancestors). */
const TAXONOMY_FINGERPRINT = `SELECT md5(coalesce((SELECT string_agg(code || '=' || name, '|' ORDER BY code) FROM credentials), '')
  || '#' || coalesce((SELECT string_agg(slug || '=' || name || '<' || coalesce(parent, ''), '|' ORDER BY slug) FROM specialties), '')) AS fingerprint`;

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
    const [before] = await manager.query<{ fingerprint: string }[]>(TAXONOMY_FINGERPRINT);
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
    const [after] = await manager.query<{ fingerprint: string }[]>(TAXONOMY_FINGERPRINT);
    let searchDocumentsRefreshed = 0;
    if (after.fingerprint !== before.fingerprint) {
      const [{ count }] = await manager.query<{ count: number }[]>(
        `SELECT cardinality(ids) AS count FROM (SELECT ARRAY(SELECT id FROM jobs WHERE status = 'published') AS ids) p, LATERAL job_search_refresh(p.ids)`,
      );
      searchDocumentsRefreshed = count;
    }
    return {
      credentials: credentials.length,
      specialties: specialties.length,
      removed: (removedCredentials.affected ?? 0) + (removedSpecialties.affected ?? 0),
      searchDocumentsRefreshed,
    };
  });
}

/** One line on what a load did, for the server's start-up and the reference:load task. */
export function describeReferenceLoad(result: ReferenceLoadResult): string {
  const base = `Reference data: ${result.credentials} credentials, ${result.specialties} specialties (${result.removed} removed).`;
  return result.searchDocumentsRefreshed
    ? `${base} The taxonomy changed: search documents of ${result.searchDocumentsRefreshed} open jobs were rebuilt; with Meilisearch, run npm run search:reindex.`
    : base;
}
