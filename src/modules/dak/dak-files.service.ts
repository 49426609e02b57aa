import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UsersService } from '../../platform/auth';
import { UnitOfWork } from '../../platform/change';
import { Actor } from '../../platform/context';
import { fieldError } from '../../platform/http';
import { unitInScope, unitScope, UnitsService } from '../../platform/units';
import { dakVisibleScope } from './dak-access';
import { CreateDakFileDto, DakPageQueryDto } from './dak-actions.dto';
import { DakRecords, DakView } from './dak-records.service';
import { DakFile } from './entities/dak-file.entity';
import { DakReceipt } from './entities/dak-receipt.entity';

/** The file's number: `FILE/<year>/<6 digits>`. */
export const DAK_FILE_PREFIX = 'FILE';

/**
 * Local files (eFile's files) that receipts are put into: a number and a subject head, kept by a
 * unit. A file is seen in the unit scope of the register (its unit and those above it, or a
 * commissionerate-wide role); the receipts it lists are only those the user may see.
 */
@Injectable()
export class DakFiles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly records: DakRecords,
  ) {}

  async open(actor: Actor, dto: CreateDakFileDto) {
    const file = await this.uow.run(async (change) => {
      const { em } = change;
      const unit = dto.unit ? await this.units.activeByCode(dto.unit, em, 'unit') : (await this.units.byIds([actor.unitId], em))[0]!;
      if (!unitInScope(actor, unit)) throw fieldError('unit', `unit ${unit.code} is not your unit or one below it`);
      const ref = await change.takeReference(DAK_FILE_PREFIX);
      const file = em.create(DakFile, { ref, subjectHead: dto.subjectHead.trim(), unitId: unit.id, createdBy: actor.id });
      await em.insert(DakFile, file);
      change.audit({ action: 'dak.file_opened', entityType: 'dak_file', entityId: file.id, diff: { ref, subjectHead: file.subjectHead, unit: unit.code } });
      return file;
    });
    return (await this.views([file]))[0]!;
  }

  async list(actor: Actor, page: DakPageQueryDto) {
    const scope = unitScope(actor, 'f.unit_id');
    const [files, total] = await this.dataSource
      .getRepository(DakFile)
      .createQueryBuilder('f')
      .where(scope.sql, scope.params)
      .orderBy('f.created_at', 'DESC')
      .addOrderBy('f.ref', 'DESC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { total, items: await this.views(files) };
  }

  /** The file and the receipts in it that the user may see, oldest first. */
  async get(actor: Actor, id: string): Promise<Awaited<ReturnType<DakFiles['views']>>[number] & { receipts: DakView[] }> {
    const scope = unitScope(actor, 'f.unit_id');
    const file = await this.dataSource.getRepository(DakFile).createQueryBuilder('f').where('f.id = :id', { id }).andWhere(scope.sql, scope.params).getOne();
    if (!file) throw new NotFoundException(`File ${id} not found`);
    const visible = dakVisibleScope(actor);
    const receipts = await this.dataSource
      .getRepository(DakReceipt)
      .createQueryBuilder('d')
      .where('d.file_id = :id', { id: file.id })
      .andWhere(visible.sql, visible.params)
      .orderBy('d.received_at', 'ASC')
      .addOrderBy('d.ref', 'ASC')
      .getMany();
    await this.records.auditViews(receipts, 'file', { file: file.ref });
    const [view] = await this.views([file]);
    return { ...view!, receipts: await this.records.views(actor, receipts) };
  }

  private async views(files: readonly DakFile[]) {
    const [units, people] = await Promise.all([this.units.refs(files.map((f) => f.unitId)), this.users.people(files.map((f) => f.createdBy))]);
    return files.map((f) => ({ ...f, unit: units.of(f.unitId), createdBy: people.of(f.createdBy) }));
  }
}
