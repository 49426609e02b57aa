import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateLocalityDto {
  @ApiProperty({ example: 'शाहपुरा', description: 'A locality (mohalla, colony) in either script; other spellings find it too' })
  @IsString() @Length(2, 120)
  name!: string;

  @ApiProperty({ example: 'TT_NAGAR' }) @IsString() @Length(2, 40) thanaCode!: string;
}
