import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { CODE_SYSTEMS, CodesService, CodeView } from '../codes/codes.service';
import { SpecialtyForCodeDto } from './dto/specialty-for-code.dto';

/** A code, in one code set where it exists, and the specialties it belongs to, narrowest first. */
export interface SpecialtiesOfCode {
  system: string;
  systemName: string;
  code: string;
  display: string;
  /** "Surgery › Musculoskeletal System". */
  label: string;
  specialties: Array<{ slug: string; name: string }>;
}

/**
 * Picking specialties by typing a code (job form, coder profile): a number
 * is read in every code set where it exists ("J1100" is a HCPCS code and
 * the ICD-10-CM code J11.00), through the code reference's own lookup.
 */
@ApiTags('taxonomy')
@Public()
@Controller('api/specialties')
export class SpecialtyByCodeController {
  constructor(private readonly codes: CodesService) {}

  @Get('for-code')
  @ApiOkResponse({ description: '"21925" → CPT, Surgery › Musculoskeletal system. Empty when no code set knows the code.' })
  async forCode(@Query() { code }: SpecialtyForCodeDto): Promise<SpecialtiesOfCode[]> {
    const views = await Promise.all(CODE_SYSTEMS.map((system) => this.codes.lookup(system, code.trim())));
    return views.flatMap((view) => {
      const specialties = [view?.subsection, view?.section].filter((s): s is { slug: string; name: string } => Boolean(s));
      if (!view || !specialties.length) return [];
      return [{ system: view.system, systemName: view.systemName, code: view.code, display: view.display, label: placeLabel(view), specialties }];
    });
  }
}

/** Section › subsection, without the section's name repeated in the subsection's ("Surgery: Musculoskeletal System"). */
function placeLabel({ section, subsection }: Pick<CodeView, 'section' | 'subsection'>): string {
  if (!section || !subsection) return (section ?? subsection)?.name ?? '';
  const prefix = `${section.name}: `;
  return `${section.name} › ${subsection.name.startsWith(prefix) ? subsection.name.slice(prefix.length) : subsection.name}`;
}
