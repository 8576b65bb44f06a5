import { EntityManager } from 'typeorm';
import { ApplicationEvent } from '../application-event.entity';
import { Application, ApplicationStatus } from '../application.entity';

/**
 * Moves locked applications to `status` and adds the step to each one's
 * timeline: who (null for the system), when, and the message the candidate was sent.
 */
export async function recordStatusChange(
  manager: EntityManager,
  applicationIds: string[],
  status: ApplicationStatus,
  actorId: string | null,
  message: string | null,
): Promise<void> {
  if (!applicationIds.length) return;
  await manager.createQueryBuilder().update(Application).set({ status }).where('id IN (:...ids)', { ids: applicationIds }).execute();
  await manager.insert(
    ApplicationEvent,
    applicationIds.map((applicationId) => ({ applicationId, status, actorId, message })),
  );
}
