import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { SearchSyncService } from '../search/search-sync.service';
import { DomainError } from '../common/domain-error';
import { renderMarkdown } from '../common/markdown';
import { User } from '../users/user.entity';
import { UpdateOrganizationDto } from './dto/organization-profile.dto';
import { UploadedLogo } from './logo-upload';
import { organizationNotFound, requireMembership } from './organization-access';
import { OrganizationMember, OrganizationRole } from './organization-member.entity';
import { Organization, ORGANIZATION_SIZE_BANDS, OrganizationSizeBand } from './organization.entity';

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/g, '');
  return slug || 'organization';
}

/** The public page of an organization. */
export function companyPath(organization: Pick<Organization, 'slug'>): string {
  return `/companies/${organization.slug}`;
}

/** Where the logo is served, or null without one; the version changes with each upload, so caches never show an old logo. */
export function logoPath(organization: Pick<Organization, 'slug' | 'logoUpdatedAt'>): string | null {
  return organization.logoUpdatedAt ? `${companyPath(organization)}/logo?v=${organization.logoUpdatedAt.getTime()}` : null;
}

/** How the API and the pages show an organization (never the logo's bytes). */
export interface OrganizationView {
  id: string;
  name: string;
  slug: string;
  url: string;
  website: string | null;
  about: string | null;
  aboutHtml: string | null;
  headquartersCity: string | null;
  headquartersState: string | null;
  sizeBand: OrganizationSizeBand | null;
  logoUrl: string | null;
  verified: boolean;
}

export interface MyOrganizationView extends OrganizationView {
  role: OrganizationRole;
}

export function toOrganizationView(o: Organization): OrganizationView {
  return {
    id: o.id,
    name: o.name,
    slug: o.slug,
    url: companyPath(o),
    // Validated as http(s) on the way in; checked again because it becomes a link.
    website: o.website && /^https?:\/\//i.test(o.website) ? o.website : null,
    about: o.about,
    aboutHtml: o.aboutHtml,
    headquartersCity: o.headquartersCity,
    headquartersState: o.headquartersState,
    sizeBand: o.sizeBand,
    logoUrl: logoPath(o),
    verified: o.verifiedAt !== null,
  };
}

/** What the profile editor shows: the user's organization (if any) and whether they may change it. */
export interface ProfileEditor {
  organization?: MyOrganizationView;
  isOwner: boolean;
  sizeBands: readonly OrganizationSizeBand[];
}

export interface StoredLogo {
  bytes: Buffer;
  contentType: string;
  updatedAt: Date;
}

const SLUG = /^[a-z0-9-]{1,140}$/;

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly searchSync: SearchSyncService,
  ) {}

  /** Creates an organization with `ownerId` as its owner, inside the caller's transaction. */
  async createWithOwner(manager: EntityManager, name: string, ownerId: string): Promise<Organization> {
    const base = slugify(name);
    // Slugs are unique; a taken one gets the next free numeric suffix.
    const taken = new Set(
      (await manager.query(`SELECT slug FROM organizations WHERE slug = $1 OR slug LIKE $2`, [base, `${base}-%`])).map((r: { slug: string }) => r.slug),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const organization = await manager.save(manager.create(Organization, { name: name.trim(), slug }));
    await manager.insert(OrganizationMember, { organizationId: organization.id, userId: ownerId, role: 'owner' });
    return organization;
  }

  findForMember(manager: EntityManager, userId: string): Promise<Organization[]> {
    return manager
      .createQueryBuilder(Organization, 'o')
      .innerJoin(OrganizationMember, 'm', 'm.organization_id = o.id AND m.user_id = :userId', { userId })
      .orderBy('o.created_at')
      .getMany();
  }

  /** The user's organizations, each with the user's role in it. */
  async listMine(user: User): Promise<MyOrganizationView[]> {
    const { entities, raw } = await this.dataSource
      .createQueryBuilder(Organization, 'o')
      .innerJoin(OrganizationMember, 'm', 'm.organization_id = o.id AND m.user_id = :userId', { userId: user.id })
      .addSelect('m.role', 'member_role')
      .orderBy('o.created_at')
      .getRawAndEntities<{ member_role: OrganizationRole }>();
    return entities.map((o, i) => ({ ...toOrganizationView(o), role: raw[i].member_role }));
  }

  async profileEditor(user: User): Promise<ProfileEditor> {
    const [organization] = await this.listMine(user);
    return { organization, isOwner: organization?.role === 'owner', sizeBands: ORGANIZATION_SIZE_BANDS };
  }

  /** Owner only. Only the fields present change; the Markdown is rendered (and sanitized) once, here. */
  async update(user: User, organizationId: string, changes: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.dataSource.transaction(async (manager) => {
      await requireMembership(manager, organizationId, user.id, { owner: true });
      const { about, ...rest } = changes;
      const values: Partial<Organization> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      if (about !== undefined) Object.assign(values, { about, aboutHtml: about === null ? null : renderMarkdown(about) });
      if (Object.keys(values).length) await manager.update(Organization, { id: organizationId }, values);
      // The name is part of the search documents of the organization's jobs.
      if (values.name !== undefined) await this.searchSync.organizationChanged(manager, organizationId);
      return toOrganizationView(await manager.findOneByOrFail(Organization, { id: organizationId }));
    });
  }

  /** Owner only; `file` has passed logoFilePipe, so its type is the one read from its bytes. */
  async setLogo(user: User, organizationId: string, file: UploadedLogo | undefined): Promise<OrganizationView> {
    if (!file?.buffer?.length) throw DomainError.invalid({ logo: ['Choose a PNG, JPEG or WebP image to upload.'] });
    return this.changeLogo(user, organizationId, { logo: file.buffer, logoContentType: file.mimetype, logoUpdatedAt: this.clock.now() });
  }

  removeLogo(user: User, organizationId: string): Promise<OrganizationView> {
    return this.changeLogo(user, organizationId, { logo: null, logoContentType: null, logoUpdatedAt: null });
  }

  /** The logo of the organization at `slug`; 404 when there is none. */
  async logoBySlug(slug: string): Promise<StoredLogo> {
    const row = SLUG.test(slug)
      ? await this.dataSource
          .createQueryBuilder(Organization, 'o')
          .select(['o.id', 'o.logoContentType', 'o.logoUpdatedAt'])
          .addSelect('o.logo')
          .where('o.slug = :slug AND o.logo IS NOT NULL', { slug })
          .getOne()
      : null;
    if (!row?.logo || !row.logoContentType || !row.logoUpdatedAt) throw new DomainError('not_found', 'This organization has no logo.');
    return { bytes: row.logo, contentType: row.logoContentType, updatedAt: row.logoUpdatedAt };
  }

  /** The organization at `slug`, for its public page; 404 when unknown. */
  async findBySlug(slug: string): Promise<Organization> {
    const organization = SLUG.test(slug) ? await this.dataSource.getRepository(Organization).findOneBy({ slug }) : null;
    if (!organization) throw new DomainError('not_found', 'There is no company at this address.');
    return organization;
  }

  private changeLogo(user: User, organizationId: string, values: Partial<Organization>): Promise<OrganizationView> {
    return this.dataSource.transaction(async (manager) => {
      await requireMembership(manager, organizationId, user.id, { owner: true });
      const result = await manager.update(Organization, { id: organizationId }, values);
      if (!result.affected) throw organizationNotFound();
      return toOrganizationView(await manager.findOneByOrFail(Organization, { id: organizationId }));
    });
  }
}
