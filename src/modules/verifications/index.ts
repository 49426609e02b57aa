// Character verification's public face. So far its records check: the name key that matches
// names across Hindi and English.
export { KEY_VERSION, latinSpelling, nameKey, parseRelative } from './matching/name-key';
export type { Relation } from './matching/name-key';
