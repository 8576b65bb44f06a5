import { SetMetadata } from '@nestjs/common';
import { UserRole } from '../users/user.entity';

export const ROLES_KEY = 'roles';

/** Restricts a route to users holding one of these roles (read fresh from the database on each request). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);
