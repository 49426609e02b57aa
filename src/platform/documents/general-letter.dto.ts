import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

export class GeneralLetterDto {
  @ApiProperty({ enum: ['hi', 'en', 'bi'], description: 'bi: the Hindi text followed by the English one' })
  @IsIn(['hi', 'en', 'bi'])
  language!: 'hi' | 'en' | 'bi';

  @ApiProperty({ example: 'थाना प्रभारी, टीटी नगर / SHO, TT Nagar' })
  @IsString()
  @Length(2, 300)
  recipient!: string;

  @ApiProperty({ example: 'ड्यूटी चार्ट / Duty chart for 27-11-2026' })
  @IsString()
  @Length(2, 300)
  subject!: string;

  @ApiProperty({ example: 'संलग्न ड्यूटी चार्ट के अनुसार बल उपलब्ध कराएं।' })
  @IsString()
  @Length(2, 10000)
  body!: string;
}
