import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '../../employers/organization-access';
import { User } from '../../users/user.entity';
import { applicationNotFound, memberOrganizations } from './pipeline-access';

export interface NoteView {
  id: string;
  body: string;
  /** Null once the author's account is gone. */
  author: { id: string; name: string } | null;
  createdAt: string;
}

interface NoteRow {
  id: string;
  body: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
}

const toNoteView = (r: NoteRow): NoteView => ({
  id: r.id,
  body: r.body,
  author: r.author_id && r.author_name ? { id: r.author_id, name: r.author_name } : null,
  createdAt: r.created_at.toISOString(),
});

/** Private notes on an application, for the organization's team only: the candidate never sees them. */
@Injectable()
export class ApplicationNotesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Oldest first, as a conversation reads. */
  async list(user: User, applicationId: string): Promise<NoteView[]> {
    const rows: Array<NoteRow & { application_id: string | null }> = isUuid(applicationId)
      ? await this.dataSource.query(
          `SELECT a.id AS application_id, n.id, n.body, n.author_id, u.name AS author_name, n.created_at
             FROM applications a
             LEFT JOIN application_notes n ON n.application_id = a.id
             LEFT JOIN users u ON u.id = n.author_id
            WHERE a.id = $1 AND a.organization_id IN (${memberOrganizations('$2')})
            ORDER BY n.created_at, n.id`,
          [applicationId, user.id],
        )
      : [];
    if (!rows.length) throw applicationNotFound();
    return rows.filter((r) => r.id !== null).map(toNoteView);
  }

  /** The application is found and the note written in one statement, so a note never lands on another organization's application. */
  async add(user: User, applicationId: string, body: string): Promise<NoteView> {
    const rows: NoteRow[] = isUuid(applicationId)
      ? await this.dataSource.query(
          `WITH note AS (
             INSERT INTO application_notes (application_id, author_id, body)
             SELECT a.id, $2, $3 FROM applications a WHERE a.id = $1 AND a.organization_id IN (${memberOrganizations('$2')})
             RETURNING id, body, author_id, created_at)
           SELECT note.*, u.name AS author_name FROM note JOIN users u ON u.id = note.author_id`,
          [applicationId, user.id, body],
        )
      : [];
    if (!rows.length) throw applicationNotFound();
    return toNoteView(rows[0]);
  }
}
