import { Controller, Get, HttpCode, Post, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CsrfExempt } from '../auth/csrf';
import { Public } from '../auth/public.decorator';
import { AlertUnsubscribeService } from './alert-unsubscribe.service';

const single = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The List-Unsubscribe URL of alert emails. GET shows what the link stops,
 * with a button; POST stops it, signed in or not. Mail clients POST
 * `List-Unsubscribe=One-Click` to it without a page (RFC 8058), so the
 * signed token in the URL is its only authority and the POST is exempt
 * from CSRF tokens. An invalid token is a 400 page and changes nothing.
 */
@ApiExcludeController()
@Public()
@Controller('alerts/unsubscribe')
export class AlertUnsubscribeController {
  constructor(private readonly unsubscribes: AlertUnsubscribeService) {}

  @Get()
  @Render('alerts/unsubscribe')
  async confirmPage(@Query('token') token: unknown): Promise<{ what: string; token: string; done: false }> {
    return { ...(await this.unsubscribes.describe(single(token))), token: single(token), done: false };
  }

  /** The body (List-Unsubscribe=One-Click, or the page's button) is not read: the token decides. */
  @Post()
  @CsrfExempt()
  @HttpCode(200)
  @Render('alerts/unsubscribe')
  async unsubscribe(@Query('token') token: unknown): Promise<{ what: string; done: true }> {
    return { ...(await this.unsubscribes.unsubscribe(single(token))), done: true };
  }
}
