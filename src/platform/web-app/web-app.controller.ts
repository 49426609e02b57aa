import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Roles } from '../auth/decorators';
import { ROLES } from '../auth/roles';
import { ResponseView } from '../http/response-view';

export class MapBoundsView extends ResponseView {
  @ApiProperty() minLat!: number;
  @ApiProperty() minLng!: number;
  @ApiProperty() maxLat!: number;
  @ApiProperty() maxLng!: number;
}

/** What the browser app needs of the site's configuration: where its maps are and what they draw on. */
export class WebAppSettingsView extends ResponseView {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'MAP_TILE_URL, a Leaflet tile template; null: draw vector layers over a plain background',
  })
  mapTileUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) mapTileAttribution!: string | null;
  @ApiProperty({ description: 'COMMISSIONERATE_BOUNDS: the area every map opens on' }) bounds!: MapBoundsView;
}

@ApiTags('web app')
@ApiBearerAuth()
@Controller('web-app')
export class WebAppController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('settings')
  @Roles(...ROLES)
  @ApiOkResponse({ type: WebAppSettingsView })
  settings(): WebAppSettingsView {
    return WebAppSettingsView.from({
      mapTileUrl: this.config.web.mapTileUrl ?? null,
      mapTileAttribution: this.config.web.mapTileAttribution ?? null,
      bounds: this.config.geo.bounds,
    });
  }
}
