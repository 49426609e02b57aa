import { Injectable, OnModuleInit, SetMetadata } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Actor } from '../../../platform/context';

/**
 * Who may read the bandobasts drafted from confidential records of one type (e.g. VIP
 * programmes). The module that owns the record decides, with its own rules: duty charts know
 * nothing of programmes, and a bandobast of a type nobody answers for is read by nobody.
 *
 * To answer for a type, provide a class marked with the decorator in your own module; it is
 * found at boot, as clash sources and job handlers are:
 *
 *   @BandobastReadersProvider()
 *   @Injectable()
 *   export class VipBandobastReaders implements BandobastReaders { readonly sourceType = 'vip_programme'; … }
 */
export interface BandobastReaders {
  readonly sourceType: string;
  /** Of these records, the ones whose bandobasts the actor may read now. */
  readable(actor: Actor, sourceIds: readonly string[]): Promise<Set<string>>;
}

export const BANDOBAST_READERS = 'police-ops:bandobast-readers';

/** Marks a provider as deciding who reads bandobasts drafted from its records. */
export const BandobastReadersProvider = (): ClassDecorator => SetMetadata(BANDOBAST_READERS, true);

/** The record a bandobast was drafted from. */
export interface BandobastSource {
  type: string;
  id: string;
}

/** Asks the owner of a bandobast's source record whether the actor may read it. */
@Injectable()
export class BandobastNeedToKnow implements OnModuleInit {
  private readonly readers = new Map<string, BandobastReaders>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.isNotMetatype || !wrapper.metatype || !wrapper.instance) continue;
      if (!this.reflector.get<boolean | undefined>(BANDOBAST_READERS, wrapper.metatype)) continue;
      const readers = wrapper.instance as BandobastReaders;
      if (this.readers.has(readers.sourceType))
        throw new Error(`Two providers decide who reads bandobasts of ${readers.sourceType}`);
      this.readers.set(readers.sourceType, readers);
    }
  }

  /** Whether the actor may read a bandobast (one with no source record: always). */
  async mayRead(
    actor: Actor,
    b: { sourceType: string | null; sourceId: string | null },
  ): Promise<boolean> {
    if (b.sourceType === null || b.sourceId === null) return true;
    return (await this.readable(actor, [{ type: b.sourceType, id: b.sourceId }])).has(b.sourceId);
  }

  /** Of these source records, the ids whose bandobasts the actor may read. */
  async readable(actor: Actor, sources: readonly BandobastSource[]): Promise<Set<string>> {
    const out = new Set<string>();
    const byType = new Map<string, string[]>();
    for (const s of sources) byType.set(s.type, [...(byType.get(s.type) ?? []), s.id]);
    for (const [type, ids] of byType) {
      const readers = this.readers.get(type);
      if (!readers) continue; // nobody answers for it: nobody reads it
      for (const id of await readers.readable(actor, ids)) out.add(id);
    }
    return out;
  }
}
