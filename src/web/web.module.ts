import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { FlashInterceptor } from './flash';
import { HomeController } from './home.controller';

/** The site's shell: the home page and the flash messages every page can show. */
@Module({
  controllers: [HomeController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: FlashInterceptor }],
})
export class WebModule {}
