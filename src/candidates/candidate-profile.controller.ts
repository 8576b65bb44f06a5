import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { User } from '../users/user.entity';
import { CandidateProfilesService, CandidateProfileView, ProfileViewEntry } from './candidate-profiles.service';
import { CandidateProfileDto } from './dto/candidate-profile.dto';

/** The signed-in candidate's own profile. */
@ApiTags('candidates')
@ApiBearerAuth()
@Roles('candidate')
@Controller('api/me/profile')
export class CandidateProfileController {
  constructor(private readonly profiles: CandidateProfilesService) {}

  /** The profile (empty, private, until first saved); credentials carry `expired`. */
  @Get()
  get(@CurrentUser() user: User): Promise<CandidateProfileView> {
    return this.profiles.get(user.id);
  }

  /** Replaces the whole profile: fields left out are cleared. */
  @Put()
  update(@CurrentUser() user: User, @Body() dto: CandidateProfileDto): Promise<CandidateProfileView> {
    return this.profiles.update(user.id, dto);
  }

  /** The organizations that viewed the profile or downloaded a resume, newest first. */
  @Get('views')
  views(@CurrentUser() user: User): Promise<ProfileViewEntry[]> {
    return this.profiles.viewsOf(user.id);
  }
}
