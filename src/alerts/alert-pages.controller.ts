import { Body, Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { FormView } from '../common/form-view';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { Flash } from '../web/flash';
import { frequencyPhrase, paramsOfSearchField } from './alert-form';
import { AlertPreviewPage, alertPreviewPage, AlertsPage, alertsPage, EditAlertPage, editAlertPage } from './alert-pages';
import { AlertsService } from './alerts.service';
import { CreateAlertFormDto, EditAlertFormDto } from './dto/alert-forms.dto';

export const MY_ALERTS_PATH = '/me/alerts';

/**
 * A coder's alerts on the web: created from the search page or a job page,
 * listed, renamed, re-timed, paused, resumed, deleted and previewed. Plain
 * forms; every successful post redirects (303) with a message.
 */
@ApiExcludeController()
@Roles('candidate')
@Controller('me/alerts')
export class AlertPagesController {
  private readonly flash: Flash;

  constructor(
    private readonly alerts: AlertsService,
    private readonly env: Env,
  ) {
    this.flash = new Flash(env);
  }

  @Get()
  @Render('me/alerts')
  async list(@CurrentUser() user: User): Promise<AlertsPage> {
    return alertsPage(await this.alerts.list({ userId: user.id }), user);
  }

  /** "Create an alert for this search" and "Alert me to jobs like this", signed in: saved at once. */
  @Post()
  @FormView('alerts/new')
  async create(@CurrentUser() user: User, @Body() dto: CreateAlertFormDto, @Res() res: Response): Promise<void> {
    const alert = await this.alerts.create({ userId: user.id }, { name: dto.name, params: paramsOfSearchField(dto.search), frequency: dto.frequency });
    const when = frequencyPhrase(alert.frequency);
    const verify = user.emailVerified ? '' : ' Verify your email address to start getting it: open the link we sent you.';
    this.flash.set(res, 'success', `Your alert “${alert.name}” is saved: new matching jobs come to you by email ${when}.${verify}`);
    res.redirect(303, MY_ALERTS_PATH);
  }

  @Get(':id/edit')
  @Render('me/alerts-edit')
  async editPage(@CurrentUser() user: User, @Param('id') id: string): Promise<EditAlertPage> {
    return editAlertPage(await this.alerts.get({ userId: user.id }, id), this.env.ALERT_DIGEST_HOUR);
  }

  @Post(':id')
  @FormView('me/alerts-edit')
  async edit(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: EditAlertFormDto, @Res() res: Response): Promise<void> {
    // First, so that a refused form comes back in its full page.
    Object.assign(res.locals, await this.editPage(user, id));
    const alert = await this.alerts.update({ userId: user.id }, id, dto);
    this.flash.set(res, 'success', `Your alert “${alert.name}” is saved.`);
    res.redirect(303, MY_ALERTS_PATH);
  }

  @Post(':id/pause')
  async pause(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const alert = await this.alerts.update({ userId: user.id }, id, { paused: true });
    this.flash.set(res, 'info', `“${alert.name}” is paused: no emails until you resume it.`);
    res.redirect(303, MY_ALERTS_PATH);
  }

  @Post(':id/resume')
  async resume(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const alert = await this.alerts.update({ userId: user.id }, id, { paused: false });
    this.flash.set(res, 'success', `“${alert.name}” is on again.`);
    res.redirect(303, MY_ALERTS_PATH);
  }

  @Post(':id/delete')
  async remove(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const name = await this.alerts.remove({ userId: user.id }, id);
    this.flash.set(res, 'info', `The alert “${name}” is deleted.`);
    res.redirect(303, MY_ALERTS_PATH);
  }

  @Get(':id/preview')
  @Render('me/alerts-preview')
  async preview(@CurrentUser() user: User, @Param('id') id: string): Promise<AlertPreviewPage> {
    return alertPreviewPage(await this.alerts.preview({ userId: user.id }, id));
  }
}
