import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { Env } from '../config/env';
import { EmployersModule } from '../employers/employers.module';
import { UsersModule } from '../users/users.module';
import { authThrottleOptions } from './auth-throttle';
import { AuthController } from './auth.controller';
import { AuthPagesController } from './auth-pages.controller';
import { AuthService } from './auth.service';
import { CsrfGuard, CsrfService } from './csrf';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { PasswordService } from './passwords/password.service';
import { RolesGuard } from './roles.guard';
import { TokensService } from './tokens.service';
import { WebLocalsInterceptor } from './web-locals.interceptor';

@Module({
  imports: [
    UsersModule,
    EmployersModule,
    PassportModule,
    JwtModule.register({}),
    ThrottlerModule.forRootAsync({ inject: [Env, DataSource], useFactory: authThrottleOptions }),
  ],
  controllers: [AuthController, AuthPagesController],
  providers: [
    AuthService,
    PasswordService,
    TokensService,
    CsrfService,
    JwtStrategy,
    // Order matters: who you are, then what your role allows, then whether the form is genuine.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_INTERCEPTOR, useClass: WebLocalsInterceptor },
  ],
  exports: [AuthService, PasswordService, TokensService, CsrfService],
})
export class AuthModule {}
