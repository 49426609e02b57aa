// What the rest of the app may use of authentication: route decorators, roles, accounts.
export * from './decorators';
export * from './roles';
export { User } from './user.entity';
export { UsersService } from './users.service';
export type { NewAccount } from './users.service';
export { PersonRefView, RankView } from './person-ref';
export type { PersonRef } from './person-ref';
