import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Roles } from '../auth/decorators';
import { TemplateStore } from '../documents/templates';
import { NotifyService } from './notify.service';
import { NotificationView, SmsTemplateCheckView, UnsentNotificationsView } from './notification.view';
import { checkSmsTemplates } from './sms-template-check';

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
  constructor(
    private readonly notify: NotifyService,
    @Inject(TemplateStore) private readonly templates: TemplateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The dashboard's count of messages not sent; the control room sees it too. */
  @Get('unsent')
  @Roles('ADMIN', 'CONTROL_ROOM')
  @ApiOkResponse({ type: UnsentNotificationsView })
  async unsent(): Promise<UnsentNotificationsView> {
    return UnsentNotificationsView.from(await this.notify.unsent());
  }

  @Get()
  @ApiOkResponse({ type: [NotificationView] })
  async list(@Query() q: NotificationQueryDto): Promise<NotificationView[]> {
    return (await this.notify.list(q)).map((n) => NotificationView.from(n));
  }

  /**
   * The SMS template check, as the boot runs it: each message template in each language it is
   * sent in, rendered with its longest values and this app's own links, with its part count.
   */
  @Get('sms-templates')
  @ApiOkResponse({ type: [SmsTemplateCheckView] })
  smsTemplates(): SmsTemplateCheckView[] {
    return checkSmsTemplates(this.templates, this.config.BASE_URL).map((r) =>
      SmsTemplateCheckView.from({ ...r, files: [...r.files], notGsm7: [...r.notGsm7], shortened: { ...r.shortened } }),
    );
  }
}
