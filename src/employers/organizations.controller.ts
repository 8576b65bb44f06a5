import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { User } from '../users/user.entity';
import { UpdateOrganizationDto } from './dto/organization-profile.dto';
import { LOGO_FIELD, LOGO_MULTER_OPTIONS, logoFilePipe, UploadedLogo } from './logo-upload';
import { MyOrganizationView, OrganizationsService, OrganizationView } from './organizations.service';

/** An employer's own organization: its profile and logo. Another organization's id answers 404. */
@ApiTags('organizations')
@ApiBearerAuth()
@Roles('employer')
@Controller('api/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('mine')
  mine(@CurrentUser() user: User): Promise<MyOrganizationView[]> {
    return this.organizations.listMine(user);
  }

  /** Owner only. */
  @Patch(':id')
  update(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.update(user, id, dto);
  }

  /** Owner only: a PNG, JPEG or WebP image of at most 1 MB, in the multipart field `logo`. */
  @Post(':id/logo')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor(LOGO_FIELD, LOGO_MULTER_OPTIONS))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [LOGO_FIELD], properties: { [LOGO_FIELD]: { type: 'string', format: 'binary' } } } })
  uploadLogo(@CurrentUser() user: User, @Param('id') id: string, @UploadedFile(logoFilePipe) file: UploadedLogo | undefined): Promise<OrganizationView> {
    return this.organizations.setLogo(user, id, file);
  }

  /** Owner only. */
  @Delete(':id/logo')
  removeLogo(@CurrentUser() user: User, @Param('id') id: string): Promise<OrganizationView> {
    return this.organizations.removeLogo(user, id);
  }
}
