import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DeleteAccountDto {
  @ApiProperty({ description: 'The current password, to confirm' })
  @IsString()
  @IsNotEmpty({ message: 'Enter your password to confirm.' })
  @MaxLength(1024)
  password: string;
}
