import { Body, Controller, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RateLimited } from '../auth/auth-throttle';
import { Public } from '../auth/public.decorator';
import { FormView } from '../common/form-view';
import { safeNextPath } from '../common/safe-redirect';
import { Env } from '../config/env';
import { Flash } from '../web/flash';
import { frequencyPhrase, paramsOfSearchField } from './alert-form';
import { ManageAlertsPage, manageAlertsPage } from './alert-pages';
import { MY_ALERTS_PATH } from './alert-pages.controller';
import { AlertsService } from './alerts.service';
import { GuestAlertFormDto, ManageAlertFormDto, ManageAlertFrequencyFormDto } from './dto/alert-forms.dto';
import { GuestAlertsService } from './guest-alerts.service';

/** A query parameter as one string ('' when absent or repeated). */
const single = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Alerts for visitors without an account: the email field beside "Create
 * an alert", the confirmation link (double opt-in), and the page of an
 * address's alerts reached by a signed link.
 */
@ApiExcludeController()
@Public()
@Controller('alerts')
export class GuestAlertPagesController {
  private readonly flash: Flash;

  constructor(
    private readonly guests: GuestAlertsService,
    private readonly alerts: AlertsService,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  /** Counted per address and per client like sign-ups: each one emails a stranger's inbox. */
  @Post()
  @RateLimited('alert-subscribe')
  @FormView('alerts/new')
  async subscribe(@Body() dto: GuestAlertFormDto, @Res() res: Response): Promise<void> {
    const alert = await this.guests.subscribe(dto.email, { name: dto.name, params: paramsOfSearchField(dto.search), frequency: dto.frequency });
    this.flash.set(res, 'info', `Almost done: we have emailed a link to ${alert.guestEmail}. Open it to start the alert “${alert.name}”.`);
    res.redirect(303, safeNextPath(dto.next ?? '/jobs'));
  }

  /** Following the emailed link; following it again shows the same page. */
  @Get('confirm')
  @Render('alerts/confirmed')
  async confirm(@Query('token') token: unknown): Promise<{ name: string; frequency: string; myAlertsPath: string | null; manageUrl: string | null }> {
    const { alert, adopted, manageUrl } = await this.guests.confirm(single(token));
    return { name: alert.name, frequency: frequencyPhrase(alert.frequency), myAlertsPath: adopted ? MY_ALERTS_PATH : null, manageUrl };
  }

  @Get('manage')
  @Render('alerts/manage')
  async manage(@Query('token') token: unknown): Promise<ManageAlertsPage> {
    const email = this.guests.managedAddress(single(token));
    return manageAlertsPage(email, single(token), await this.alerts.list({ guestEmail: email }), this.guests.unsubscribeAllUrl(email));
  }

  @Post('manage/:id/frequency')
  async changeFrequency(@Param('id') id: string, @Body() dto: ManageAlertFrequencyFormDto, @Res() res: Response): Promise<void> {
    const alert = await this.alerts.update({ guestEmail: this.guests.managedAddress(dto.token) }, id, { frequency: dto.frequency });
    this.backToManage(res, dto.token, `“${alert.name}” now comes ${frequencyPhrase(alert.frequency)}.`);
  }

  @Post('manage/:id/pause')
  async pause(@Param('id') id: string, @Body() dto: ManageAlertFormDto, @Res() res: Response): Promise<void> {
    const alert = await this.alerts.update({ guestEmail: this.guests.managedAddress(dto.token) }, id, { paused: true });
    this.backToManage(res, dto.token, `“${alert.name}” is paused: no emails until you resume it.`);
  }

  @Post('manage/:id/resume')
  async resume(@Param('id') id: string, @Body() dto: ManageAlertFormDto, @Res() res: Response): Promise<void> {
    const alert = await this.alerts.update({ guestEmail: this.guests.managedAddress(dto.token) }, id, { paused: false });
    this.backToManage(res, dto.token, `“${alert.name}” is on again.`);
  }

  @Post('manage/:id/delete')
  async remove(@Param('id') id: string, @Body() dto: ManageAlertFormDto, @Res() res: Response): Promise<void> {
    const name = await this.alerts.remove({ guestEmail: this.guests.managedAddress(dto.token) }, id);
    this.backToManage(res, dto.token, `The alert “${name}” is deleted.`);
  }

  private backToManage(res: Response, token: string, message: string): void {
    this.flash.set(res, 'success', message);
    res.redirect(303, `/alerts/manage?token=${encodeURIComponent(token)}`);
  }
}
