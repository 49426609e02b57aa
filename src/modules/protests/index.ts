// Protests' public face: what other modules may import from this module.
export { ProtestsModule } from './protests.module';
export { ClashDetector } from './clash/clash-detector.service';
export { ClashSourceProvider, CLASH_KINDS, shownInFull } from './clash/clash-source';
export type { Clash, ClashKind, ClashQuery, ClashSource, ClashSubject, ShownClash } from './clash/clash-source';
export { ProtestList } from './application/protest-list.service';
export { ClashView } from './clash/clash.view';
export { PROTEST_RETENTION } from './protest-retention';
