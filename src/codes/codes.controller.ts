import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { DomainError } from '../common/domain-error';
import { KeptJson } from '../common/kept-json';
import { CodeSystem } from './code-sections';
import { CodeViewMeter } from './code-view-meter';
import { CODE_SYSTEMS, CodeRef, CodeSearchResult, CodesService, CodeView } from './codes.service';
import { CodeSearchDto } from './dto/code-search.dto';

/** The code reference over JSON. */
@ApiTags('codes')
@Controller('api/codes')
export class CodesController {
  /** CodesService keeps its answers. */
  private readonly json = new KeptJson<CodeSearchResult>();

  constructor(
    private readonly codes: CodesService,
    private readonly meter: CodeViewMeter,
  ) {}

  /** Codes by prefix ("E11"), exact code, or words (with misspellings); `system` and `billable` narrow it. */
  @Public()
  @Get()
  @ApiOkResponse({
    description:
      '{total, page, pageCount, hits: [{system, code, display, description, billable}], corrected, copyright (the AMA line when CPT descriptors are listed)}',
  })
  @Header('Content-Type', 'application/json; charset=utf-8')
  async search(@Query() { q, system, billable, page }: CodeSearchDto): Promise<string> {
    return this.json.of(await this.codes.search({ q: q ?? '', system, billable, page: page ?? 1 }));
  }

  /**
   * One code; 404 with the nearest codes for one the lists do not hold.
   * Metered like the pages: past the limit, `gated: true` and no descriptions.
   */
  @Public()
  @Get(':system/:code')
  async show(
    @Param('system') system: string,
    @Param('code') code: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CodeView | { statusCode: 404; message: string; suggestions: CodeRef[] }> {
    if (!CODE_SYSTEMS.includes(system as CodeSystem)) {
      throw new DomainError('not_found', `There is no code set "${system}". Use one of: ${CODE_SYSTEMS.join(', ')}.`);
    }
    const view = await this.codes.lookup(system as CodeSystem, code);
    if (view) return (await this.meter.view(req, res, view.system, view.code)).allowed ? view : CodeViewMeter.gate(view);
    res.status(404);
    return { statusCode: 404, message: `${code} is not a code of ${system}.`, suggestions: await this.codes.nearest(system as CodeSystem, code) };
  }
}
