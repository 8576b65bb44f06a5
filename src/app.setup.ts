import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { Env } from './config/env';
import { DEFAULT_LAYOUT, registerViewHelpers } from './common/views';

/** Everything the HTTP app needs besides its modules; shared by main.ts and the tests. */
export function configureApp(app: NestExpressApplication, env: Env): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  if (env.TRUST_PROXY) app.set('trust proxy', 1);

  const securityHeaders = (styleSrc: string[]) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc,
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          ...(env.isProduction ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: env.isProduction ? { maxAge: 31536000, includeSubDomains: true } : false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
    });
  const pages = securityHeaders(["'self'"]);
  // Swagger UI's page carries inline styles; only its own path allows them.
  const apiDocs = securityHeaders(["'self'", "'unsafe-inline'"]);
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/docs') ? apiDocs : pages)(req, res, next));
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '100kb' });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });

  const root = join(__dirname, '..');
  app.useStaticAssets(join(root, 'public'), { prefix: '/public/', maxAge: env.isProduction ? '1d' : 0 });
  app.setBaseViewsDir(join(root, 'views'));
  app.setViewEngine('hbs');
  app.set('view options', { layout: DEFAULT_LAYOUT });
  registerViewHelpers(join(root, 'views'));

  const openApi = new DocumentBuilder()
    .setTitle('CareerCenter API')
    .setDescription('Jobs for medical coders: accounts, postings, search, applications, alerts and the code reference.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs-json' });
}
