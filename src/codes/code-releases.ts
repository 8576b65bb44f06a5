import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';

/** How long the newest release id is reused: an import by another process is seen within this. */
const RELEASE_TTL_MS = 1_000;

/**
 * The id of the newest code list import, under which answers about codes
 * are kept: an import starts them afresh. Read at most once a second (every
 * kept answer would otherwise cost a query); an import by this process is
 * seen at once, as the import service reports it.
 */
@Injectable()
export class CodeReleases {
  // fetchMethod makes concurrent requests share one query.
  private readonly newestId = new LRUCache<'newest', number>({
    max: 1,
    ttl: RELEASE_TTL_MS,
    fetchMethod: async () => {
      const [row] = await this.dataSource.query<Array<{ id: number }>>(`SELECT coalesce(max(id), 0) AS id FROM code_releases`);
      return row.id;
    },
  });

  constructor(private readonly dataSource: DataSource) {}

  async newest(): Promise<number> {
    return (await this.newestId.fetch('newest'))!;
  }

  /** A release was just written: the next answer reads the id again. */
  changed(): void {
    this.newestId.clear();
  }
}
