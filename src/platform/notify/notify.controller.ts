import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Roles } from '../auth/decorators';
import { NotifyService } from './notify.service';
import { NotificationView } from './notification.view';

class NotificationQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 80) sourceType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 80) sourceId?: string;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 100;
}

/** What was (or would have been) sent: the development sink's view, for admins. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('notifications')
export class NotifyController {
  constructor(private readonly notify: NotifyService) {}

  @Get()
  @ApiOkResponse({ type: [NotificationView] })
  async list(@Query() q: NotificationQueryDto): Promise<NotificationView[]> {
    return (await this.notify.list(q)).map((n) => NotificationView.from(n));
  }
}
