import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../platform/context/request-context';
import { unitScope } from '../../platform/units/units.service';
import { Officer } from './officer.entity';
import { ListOfficersDto } from './officers.dto';

@Injectable()
export class OfficersService {
  constructor(private readonly dataSource: DataSource) {}

  /** Officers of the actor's unit subtree (the whole force for commissionerate-wide roles). */
  async list(actor: Actor, f: ListOfficersDto): Promise<{ total: number; items: Officer[] }> {
    const scope = unitScope(actor, 'o.unit_id');
    const q = this.dataSource
      .getRepository(Officer)
      .createQueryBuilder('o')
      .where(scope.sql, scope.params)
      .orderBy('o.belt_no')
      .take(f.limit)
      .skip(f.offset);
    if (f.rank) q.andWhere('o.rank = :rank', { rank: f.rank });
    if (f.gender) q.andWhere('o.gender = :gender', { gender: f.gender });
    const [items, total] = await q.getManyAndCount();
    return { total, items };
  }
}
