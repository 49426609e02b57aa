import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PG_INTEGER_MAX } from '../http/field-error';
import { INDIAN_MOBILE } from '../http/validators';
import { Role, ROLES } from './roles';


export class CreateUserDto {
  @ApiProperty({ example: 'si.sharma' })
  @Matches(/^[a-z][a-z0-9._-]{2,63}$/, { message: 'username must be 3–64 lowercase letters, digits, dot, dash or underscore' })
  username!: string;

  @ApiProperty({ example: 'R. K. Sharma' })
  @IsString()
  @Length(1, 120)
  displayNameEn!: string;

  @ApiProperty({ example: 'आर. के. शर्मा' })
  @IsString()
  @Length(1, 120)
  displayNameHi!: string;

  @ApiProperty({ example: 'SI' })
  @IsString()
  @Length(1, 40)
  rank!: string;

  @ApiProperty({ example: 'TT_NAGAR', description: 'Unit code' })
  @IsString()
  @Length(2, 40)
  unitCode!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ example: '9876543210' })
  @IsOptional()
  @Matches(INDIAN_MOBILE, { message: 'mobile must be a 10-digit Indian mobile number' })
  mobile?: string;
}

export class UpdateUserDto {
  @ApiProperty({ description: 'The version you last read' })
  @IsInt()
  @Min(1)
  @Max(PG_INTEGER_MAX)
  version!: number;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 40)
  unitCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(INDIAN_MOBILE, { message: 'mobile must be a 10-digit Indian mobile number' })
  mobile?: string;
}
