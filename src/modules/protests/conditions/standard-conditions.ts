import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { fieldError } from '../../../platform/http';
import { TemplateError, TemplateStore } from '../../../platform/documents';
import type { GrantedCondition } from '../entities/protest-application.entity';

export interface StandardCondition {
  readonly key: string;
  readonly hi: string;
  readonly en: string;
}

const ITEM = /^([a-z0-9-]{2,40}):\s*(\S[\s\S]*)$/;

/** `- key: text` list items of one language's file, in order. */
export function parseConditionItems(items: readonly string[], file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of items) {
    const m = ITEM.exec(item.trim());
    if (!m) throw new TemplateError(`condition "${item.slice(0, 40)}" must be written as "- key: text"`, file);
    if (out.has(m[1]!)) throw new TemplateError(`condition key ${m[1]} appears twice`, file);
    out.set(m[1]!, m[2]!.replace(/\s*\n\s*/g, ' '));
  }
  return out;
}

/**
 * The standard conditions of a permission, from templates/protests/standard-conditions.*.txt,
 * so the office can reword them without a release. Both languages must list the same keys.
 */
@Injectable()
export class StandardConditions implements OnModuleInit {
  constructor(@Inject(TemplateStore) private readonly templates: TemplateStore) {}

  /** A Hindi condition without its English twin would print half a permission: stop the boot. */
  onModuleInit(): void {
    this.all();
  }

  all(): StandardCondition[] {
    const [hi, en] = (['hi', 'en'] as const).map((lang) => {
      const items = this.templates.render('protests', 'standard-conditions', lang, {}).blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
      return parseConditionItems(items, `templates/protests/standard-conditions.${lang}.txt`);
    });
    const unmatched = [...hi!.keys()].filter((k) => !en!.has(k)).concat([...en!.keys()].filter((k) => !hi!.has(k)));
    if (unmatched.length > 0) throw new TemplateError(`standard conditions ${unmatched.join(', ')} must be in both the Hindi and the English file`);
    return [...hi!.entries()].map(([key, text]) => ({ key, hi: text, en: en!.get(key)! }));
  }

  /** The chosen standard conditions, then the free-text ones (printed as written in both parts). */
  pick(keys: readonly string[], extra: readonly string[] = []): GrantedCondition[] {
    const byKey = new Map(this.all().map((c) => [c.key, c]));
    const chosen = keys.map((key, i) => {
      const condition = byKey.get(key);
      if (!condition) throw fieldError(`conditionKeys[${i}]`, `conditionKeys[${i}] "${key}" is not a standard condition; see GET /protests/conditions`);
      return condition;
    });
    return [...chosen, ...extra.map((text) => ({ key: null, hi: text, en: text }))];
  }
}
