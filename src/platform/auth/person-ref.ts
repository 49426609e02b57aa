import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';
import { RANKS, Rank, rankShown } from '../ranks';
import { UnitRef, UnitRefView } from '../units/unit-ref';
import type { User } from './user.entity';

/** A rank as the ladder names it, in both languages. */
export class RankView extends ResponseView {
  @ApiProperty({
    enum: RANKS,
    nullable: true,
    description: 'The rung of the rank ladder; null when the account’s rank is not one of its spellings (then en and hi are the rank as written)',
  })
  code!: Rank | null;
  @ApiProperty({ example: 'Sub-Inspector' }) en!: string;
  @ApiProperty({ example: 'उप निरीक्षक' }) hi!: string;
}

/**
 * Who took a step, as a record shows it: the account's name and rank, and its unit today.
 * An id that names no account (never expected: accounts are deactivated, not deleted) shows
 * as "Unknown account / अज्ञात खाता" with no username, rank or unit.
 */
export class PersonRefView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'si.sharma' }) username!: string | null;
  @ApiProperty({ example: 'R. K. Sharma' }) nameEn!: string;
  @ApiProperty({ example: 'आर. के. शर्मा' }) nameHi!: string;
  @ApiProperty({ type: RankView, nullable: true }) rank!: RankView | null;
  @ApiProperty({ type: UnitRefView, nullable: true, description: 'The account’s unit now (not necessarily when it took the step)' })
  unit!: UnitRefView | null;
}

export interface PersonRef {
  id: string;
  username: string | null;
  nameEn: string;
  nameHi: string;
  rank: { code: Rank | null; en: string; hi: string } | null;
  unit: UnitRef | null;
}

export function personRef(user: Pick<User, 'id' | 'username' | 'displayNameEn' | 'displayNameHi' | 'rank'>, unit: UnitRef): PersonRef {
  return { id: user.id, username: user.username, nameEn: user.displayNameEn, nameHi: user.displayNameHi, rank: rankShown(user.rank), unit };
}

export const unknownPerson = (id: string): PersonRef => ({ id, username: null, nameEn: 'Unknown account', nameHi: 'अज्ञात खाता', rank: null, unit: null });
