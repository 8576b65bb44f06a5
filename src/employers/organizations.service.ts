import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrganizationMember } from './organization-member.entity';
import { Organization } from './organization.entity';

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

@Injectable()
export class OrganizationsService {
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
}
