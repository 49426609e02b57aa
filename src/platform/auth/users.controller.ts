import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { uuidParam } from '../http/field-error';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from './decorators';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list() {
    return this.users.list();
  }

  @Get(':id')
  get(@Param('id', uuidParam('id')) id: string) {
    return this.users.get(id);
  }

  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Patch(':id')
  update(@Param('id', uuidParam('id')) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(id, dto);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(@Param('id', uuidParam('id')) id: string) {
    return this.users.resetPassword(id);
  }

  @Post(':id/revoke-sessions')
  @HttpCode(204)
  async revokeSessions(@Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.users.revokeSessions(id);
  }
}
