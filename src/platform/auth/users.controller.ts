import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { uuidParam } from '../http/field-error';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from './decorators';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import { UsersService } from './users.service';
import { NewAccountView, OneTimePasswordView, UserView } from './auth.view';

@ApiTags('users')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [UserView] })
  async list(): Promise<UserView[]> {
    return (await this.users.list()).map((u) => UserView.from(u));
  }

  @Get(':id')
  @ApiOkResponse({ type: UserView })
  async get(@Param('id', uuidParam('id')) id: string): Promise<UserView> {
    return UserView.from(await this.users.get(id));
  }

  @Post()
  @ApiCreatedResponse({ type: NewAccountView })
  async create(@Body() dto: CreateUserDto): Promise<NewAccountView> {
    return NewAccountView.from(await this.users.create(dto));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  async update(@Param('id', uuidParam('id')) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return UserView.from(await this.users.update(id, dto));
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOkResponse({ type: OneTimePasswordView })
  async resetPassword(@Param('id', uuidParam('id')) id: string): Promise<OneTimePasswordView> {
    return OneTimePasswordView.from(await this.users.resetPassword(id));
  }

  @Post(':id/revoke-sessions')
  @HttpCode(204)
  async revokeSessions(@Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.users.revokeSessions(id);
  }
}
