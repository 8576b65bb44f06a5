import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { PasswordService } from '../auth/passwords/password.service';
import { OrganizationMember } from '../employers/organization-member.entity';
import { OrganizationsService } from '../employers/organizations.service';
import { User } from '../users/user.entity';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-content';

/** What one section of the dataset found already there and what it added. */
interface Tally {
  what: string;
  created: number;
  existing: number;
}

/** State shared by the sections of one load. */
interface DemoLoad {
  manager: EntityManager;
  /** Demo user ids by email, filled by the users section for the ones after it. */
  userIds: Map<string, string>;
}

/**
 * Loads the demo dataset (see demo-content.ts). Loading again adds only what
 * is missing and changes nothing that exists, so it is safe on every start.
 */
@Injectable()
export class DemoDataService {
  /** In order: a section may use what the ones before it made. */
  private readonly sections: Array<(load: DemoLoad) => Promise<Tally>> = [(load) => this.loadUsers(load), (load) => this.loadOrganizations(load)];

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly organizations: OrganizationsService,
  ) {}

  async load(log: (message: string) => void): Promise<void> {
    const tallies = await this.dataSource.transaction(async (manager) => {
      // Two loads at once (the app started with --demo and `demo:load`) take turns instead of racing on the same rows.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('careercenter.demo-data'))`);
      const load: DemoLoad = { manager, userIds: new Map() };
      const done: Tally[] = [];
      for (const section of this.sections) done.push(await section(load));
      return done;
    });
    log(`Demo data: ${tallies.map((t) => `${t.created + t.existing} ${t.what} (created ${t.created}, already there ${t.existing})`).join(', ')}.`);
  }

  private async loadUsers({ manager, userIds }: DemoLoad): Promise<Tally> {
    const found = await manager.find(User, { select: { id: true, email: true }, where: { email: In(DEMO_USERS.map((u) => u.email)) } });
    for (const user of found) userIds.set(user.email, user.id);
    // argon2 is slow on purpose: hash once, and only when an account is missing.
    let passwordHash: Promise<string> | undefined;
    for (const user of DEMO_USERS.filter((u) => !userIds.has(u.email))) {
      passwordHash ??= this.passwords.hash(DEMO_PASSWORD);
      const { identifiers } = await manager.insert(User, { ...user, passwordHash: await passwordHash, emailVerified: true });
      userIds.set(user.email, identifiers[0].id as string);
    }
    return { what: 'users', created: DEMO_USERS.length - found.length, existing: found.length };
  }

  private async loadOrganizations({ manager, userIds }: DemoLoad): Promise<Tally> {
    let created = 0;
    for (const demo of DEMO_ORGANIZATIONS) {
      const ownerId = userIds.get(demo.owner)!;
      // Found by owner and name rather than slug: a real organization may already hold the slug.
      let organization = (await this.organizations.findForMember(manager, ownerId)).find((o) => o.name === demo.name);
      if (!organization) {
        organization = await this.organizations.createWithOwner(manager, demo.name, ownerId);
        created++;
      }
      const organizationId = organization.id;
      const recruiters = demo.recruiters.map((email) => ({ organizationId, userId: userIds.get(email)!, role: 'recruiter' as const }));
      if (recruiters.length) await manager.createQueryBuilder().insert().into(OrganizationMember).values(recruiters).orIgnore().execute();
    }
    return { what: 'organizations', created, existing: DEMO_ORGANIZATIONS.length - created };
  }
}
