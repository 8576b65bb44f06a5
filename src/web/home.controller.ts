import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';

@ApiExcludeController()
@Controller()
export class HomeController {
  @Public()
  @Get()
  @Render('home/index')
  home(): Record<string, never> {
    return {};
  }
}
