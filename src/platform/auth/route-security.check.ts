import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC, ROLES_KEY } from './decorators';

/** Refuses to start if any route declares neither @Public() nor @Roles(...). */
@Injectable()
export class RouteSecurityCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const unguarded: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const handler = proto[method];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const targets = [handler, metatype];
        const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
        const roles = this.reflector.getAllAndOverride<string[]>(ROLES_KEY, targets);
        if (!isPublic && !(roles && roles.length > 0)) unguarded.push(`${metatype.name}.${method}`);
      }
    }
    if (unguarded.length > 0) {
      throw new Error(`Routes without @Roles() or @Public(): ${unguarded.join(', ')}`);
    }
  }
}
