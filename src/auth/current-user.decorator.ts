import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { User } from '../users/user.entity';

/** The signed-in user (undefined on public routes for visitors). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): User | undefined => {
  return (ctx.switchToHttp().getRequest<Request>().user as User | null) ?? undefined;
});
