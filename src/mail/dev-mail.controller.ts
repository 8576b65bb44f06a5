import { Controller, Get, Header, Param, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { DevMailboxService } from './dev-mailbox.service';

/**
 * Development only (see MailModule.forRoot): the mail that would have gone
 * out, read from DATA_DIR/mail, so sign-up and reset links can be followed
 * without an SMTP server.
 */
@ApiExcludeController()
@Public()
@Controller('dev/mail')
export class DevMailController {
  constructor(private readonly mailbox: DevMailboxService) {}

  @Get()
  @Render('dev/mail-index')
  async index() {
    const { entries, total } = await this.mailbox.list();
    return { title: 'Sent mail', dir: this.mailbox.dir, entries, total, truncated: total > entries.length };
  }

  @Get(':file')
  @Render('dev/mail-show')
  async show(@Param('file') file: string) {
    const message = await this.mailbox.read(file);
    return { title: message.subject, message };
  }

  /**
   * The HTML part as its own document, never inside our pages. The sandbox
   * policy gives it an opaque origin with no scripts, forms or remote loads;
   * only the inline styles that emails are made of apply.
   */
  @Get(':file/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
  async html(@Param('file') file: string): Promise<string> {
    return (await this.mailbox.read(file)).html ?? '';
  }
}
