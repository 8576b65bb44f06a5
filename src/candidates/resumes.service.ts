import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Application } from '../applications/application.entity';
import { lockCandidate } from './candidate-lock';
import { cleanResumeFileName, detectResumeType, DOCX_TYPE, inspectDocx, RESUME_MAX_BYTES, ResumeFile } from './resume-file';
import { ResumeTextExtractor } from './resume-text-extractor';
import { RESUME_TOO_LARGE, UploadedResumeFile } from './resume-upload';
import { Resume, ResumeTextStatus } from './resume.entity';

/** How many resumes a candidate keeps on the profile at once. */
export const MAX_RESUMES = 5;

const WRONG_TYPE = 'Upload a PDF or a Word document (.docx). Other files, whatever their name, are refused.';
const NO_FILE = 'Choose a PDF or Word (.docx) file of up to 5 MB.';

export interface ResumeView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  isDefault: boolean;
  /** Whether employers' candidate search can read it: extracted, empty (a scanned image) or failed. */
  textStatus: ResumeTextStatus;
  createdAt: string;
  downloadUrl: string;
}

export function resumeView(resume: Resume): ResumeView {
  return {
    id: resume.id,
    fileName: resume.fileName,
    contentType: resume.contentType,
    size: resume.size,
    isDefault: resume.isDefault,
    textStatus: resume.textStatus,
    createdAt: resume.createdAt.toISOString(),
    downloadUrl: `/api/me/resumes/${resume.id}/file`,
  };
}

const notFound = () => new DomainError('not_found', 'There is no such resume on your profile.');

/**
 * A candidate's resumes: checked from their bytes, stored in Postgres, up to
 * five with one default. Every query names the owner, so another user's
 * resume is not found.
 */
@Injectable()
export class ResumesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Resume) private readonly resumes: Repository<Resume>,
    private readonly extractor: ResumeTextExtractor,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks one upload and saves it for `userId` inside the caller's
   * transaction: 422 without a file or for a damaged or zip-bomb DOCX, 413
   * over 5 MB, 415 when the bytes are not a PDF or DOCX, 409 when the profile
   * already holds five. The first resume becomes the default. Its text is
   * extracted for candidate search; a failed extraction is recorded, not thrown.
   */
  async store(manager: EntityManager, userId: string, file: UploadedResumeFile | undefined): Promise<Resume> {
    const checked = await this.check(file);
    await lockCandidate(manager, userId);
    const count = await manager.count(Resume, { where: { userId, removedAt: IsNull() } });
    if (count >= MAX_RESUMES) {
      const message = `You can keep up to ${MAX_RESUMES} resumes. Delete one you no longer use, then upload this one again.`;
      throw new DomainError('conflict', message, { resume: [message] });
    }
    const { identifiers } = await manager.insert(Resume, { ...checked, userId, isDefault: count === 0 });
    return manager.findOneByOrFail(Resume, { id: identifiers[0].id as string });
  }

  /** Uploads from the profile page or `POST /api/me/resumes`. */
  upload(userId: string, file: UploadedResumeFile | undefined): Promise<Resume> {
    return this.dataSource.transaction((manager) => this.store(manager, userId, file));
  }

  /** The candidate's resumes on the profile, the default first, then newest first. */
  list(userId: string): Promise<Resume[]> {
    return this.resumes.find({ where: { userId, removedAt: IsNull() }, order: { isDefault: 'DESC', createdAt: 'DESC' } });
  }

  /**
   * One of the candidate's resumes still on the profile, or null. With a
   * manager, the row stays locked (shared) until that transaction ends, so
   * it cannot be deleted while an application is being attached to it.
   */
  async findOwnedUsable(userId: string, resumeId: string, manager?: EntityManager): Promise<Resume | null> {
    if (!isUUID(resumeId)) return null;
    const where = { id: resumeId, userId, removedAt: IsNull() };
    return manager ? manager.findOne(Resume, { where, lock: { mode: 'pessimistic_read' } }) : this.resumes.findOne({ where });
  }

  /** The candidate's own resume with its bytes, for downloading it; 404 for anyone else's. */
  async ownedFile(userId: string, resumeId: string): Promise<ResumeFile> {
    const file = isUUID(resumeId)
      ? await this.fileQuery().where('r.id = :resumeId AND r.user_id = :userId AND r.removed_at IS NULL', { resumeId, userId }).getOne()
      : null;
    if (!file) throw notFound();
    return file;
  }

  /**
   * A resume's bytes whoever owns it, or null. Only for a caller that has
   * already checked access in its own query (an employer downloading the
   * resume attached to an application to one of its jobs).
   */
  async contentOf(resumeId: string): Promise<ResumeFile | null> {
    return isUUID(resumeId) ? this.fileQuery().where('r.id = :resumeId', { resumeId }).getOne() : null;
  }

  async setDefault(userId: string, resumeId: string): Promise<Resume> {
    return this.dataSource.transaction(async (manager) => {
      await lockCandidate(manager, userId);
      const resume = await this.findOwnedUsable(userId, resumeId, manager);
      if (!resume) throw notFound();
      // The old default is cleared first: one default per candidate is a unique index.
      await manager.update(Resume, { userId, isDefault: true }, { isDefault: false });
      await manager.update(Resume, { id: resume.id }, { isDefault: true });
      return { ...resume, isDefault: true };
    });
  }

  /**
   * Takes a resume off the profile. One attached to an application stays,
   * marked removed, for the employer who received it; any other is deleted.
   * If it was the default, the newest remaining one becomes the default.
   */
  async remove(userId: string, resumeId: string): Promise<{ fileName: string; keptForEmployers: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await lockCandidate(manager, userId);
      if (!isUUID(resumeId)) throw notFound();
      const resume = await manager.findOne(Resume, { where: { id: resumeId, userId, removedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!resume) throw notFound();
      const keptForEmployers = await manager.exists(Application, { where: { resumeId } });
      if (keptForEmployers) await manager.update(Resume, { id: resumeId }, { removedAt: this.clock.now(), isDefault: false });
      else await manager.delete(Resume, { id: resumeId });
      if (resume.isDefault) {
        const next = await manager.findOne(Resume, { where: { userId, removedAt: IsNull() }, order: { createdAt: 'DESC' } });
        if (next) await manager.update(Resume, { id: next.id }, { isDefault: true });
      }
      return { fileName: resume.fileName, keptForEmployers };
    });
  }

  private fileQuery() {
    return this.resumes.createQueryBuilder('r').select(['r.id', 'r.fileName', 'r.contentType']).addSelect('r.content');
  }

  private async check(file: UploadedResumeFile | undefined): Promise<Pick<Resume, 'fileName' | 'contentType' | 'size' | 'content' | 'text' | 'textStatus'>> {
    if (!file?.buffer) throw DomainError.invalid({ resume: [NO_FILE] }, NO_FILE);
    const bytes = file.buffer;
    if (bytes.length === 0) throw DomainError.invalid({ resume: ['The file is empty. ' + NO_FILE] });
    if (bytes.length > RESUME_MAX_BYTES) throw new DomainError('payload_too_large', RESUME_TOO_LARGE, { resume: [RESUME_TOO_LARGE] });
    const type = await detectResumeType(bytes);
    // Not a PDF or DOCX by its bytes: 415, with the message under `resume` like every other refusal of the upload.
    if (!type) throw new DomainError('unsupported_media_type', WRONG_TYPE, { resume: [WRONG_TYPE] });
    if (type === DOCX_TYPE) {
      const problem = await inspectDocx(bytes);
      if (problem === 'too_large') {
        throw DomainError.invalid({ resume: ['This Word file unpacks to far more than any resume would. Save it again from Word, or upload a PDF.'] });
      }
      if (problem === 'damaged')
        throw DomainError.invalid({ resume: ['This Word file is damaged or password-protected. Save it again from Word, or upload a PDF.'] });
    }
    const { text, status } = await this.extractor.extract(type, bytes);
    return { fileName: cleanResumeFileName(file.originalname ?? '', type), contentType: type, size: bytes.length, content: bytes, text, textStatus: status };
  }
}
