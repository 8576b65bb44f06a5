import { DynamicModule, Global, Module } from '@nestjs/common';
import { Env } from '../config/env';
import { DevMailController } from './dev-mail.controller';
import { DevMailboxService } from './dev-mailbox.service';
import { MailDeliveryService } from './mail-delivery.service';
import { MailRefreshers } from './mail-refreshers';
import { MailRenderer } from './mail-renderer';
import { MailTransport } from './mail-transport';
import { MailService } from './mail.service';

@Global()
@Module({
  providers: [MailRenderer, MailTransport, MailRefreshers, MailDeliveryService, MailService],
  exports: [MailService, MailRenderer, MailRefreshers],
})
export class MailModule {
  /** The dev mail viewer is not even routed in production. */
  static forRoot(env: Env): DynamicModule {
    return env.isProduction ? { module: MailModule } : { module: MailModule, controllers: [DevMailController], providers: [DevMailboxService] };
  }
}
