import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { OUTSIDE_API_PREFIX } from '../../src/app';
import { IS_PUBLIC, ROLES_KEY } from '../../src/platform/auth/decorators';
import { Role } from '../../src/platform/auth/roles';

export interface RouteInfo {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** The path as declared, with its `:parameters`. */
  pattern: string;
  isPublic: boolean;
  roles: Role[];
  name: string;
}

const METHODS: Record<number, RouteInfo['method']> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

/** The first path segments the app serves outside /api/v1, from the app's own list. */
const OUTSIDE_PREFIX_ROOTS = new Set(OUTSIDE_API_PREFIX.map((p) => p.split('/')[0]!));
const outsideApiPrefix = (path: string) => OUTSIDE_PREFIX_ROOTS.has(path.replace(/^\//, '').split('/')[0]!);

/** Every route the app serves, with the roles it declares, read from Nest's own metadata. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const { instance, metatype } of discovery.getControllers()) {
    if (!instance || !metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const proto = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      const sub = Reflect.getMetadata(PATH_METADATA, handler);
      if (sub === undefined) continue;
      const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      if (!method) continue;
      const joined = `/${[base, sub].map((p: string) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;
      const path = outsideApiPrefix(joined) ? joined : `/api/v1${joined}`;
      const targets = [handler, metatype];
      routes.push({
        method,
        // Concrete values for path parameters: a syntactically valid id that exists nowhere.
        pattern: path,
        path: path.replace(/:(\w+)/g, (_, p: string) => (p === 'id' || p.endsWith('Id') ? '00000000-0000-4000-8000-000000000000' : 'x')),
        isPublic: Boolean(reflector.getAllAndOverride(IS_PUBLIC, targets)),
        roles: reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [],
        name: `${metatype.name}.${name}`,
      });
    }
  }
  return routes;
}
