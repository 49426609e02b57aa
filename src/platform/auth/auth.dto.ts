import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'control.room' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(16, 256)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 256)
  currentPassword!: string;

  @ApiProperty({
    description:
      'At least 12 characters, hard to guess (zxcvbn score 3 or more), not containing the username, and not built on your own names or unit or on the police\'s words (Bhopal, police, thana, …)',
  })
  @IsString()
  @MaxLength(256)
  newPassword!: string;
}
