import { editDistance } from './ranks-parse';

/**
 * Skills a duty can require. A closed list, because a requirement for "armd" that no
 * officer holds would silently make a shift impossible to staff.
 */
export const SKILLS = [
  'armed',
  'traffic',
  'driver',
  'wireless',
  'plain-clothes',
  'bomb-disposal',
  'dog-squad',
  'first-aid',
  'videography',
  'swimming',
  'riot-control',
  'commando',
  'computer',
] as const;
export type Skill = (typeof SKILLS)[number];

const KNOWN = new Set<string>(SKILLS);

/** "Bomb Disposal", "bomb_disposal" and "BOMB-DISPOSAL" are the same skill. */
export function normaliseSkill(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

export function isSkill(text: string): text is Skill {
  return KNOWN.has(text);
}

/** Parses a skills cell ("armed; driver, wireless"); unknown skills are reported by name. */
export function parseSkills(cell: string): { skills: Skill[]; unknown: string[] } {
  const skills = new Set<Skill>();
  const unknown: string[] = [];
  for (const raw of cell.split(/[;,|]/)) {
    const s = normaliseSkill(raw);
    if (!s) continue;
    if (isSkill(s)) skills.add(s);
    else unknown.push(raw.trim());
  }
  return { skills: [...skills].sort(), unknown };
}

export function unknownSkillMessage(name: string): string {
  const near = SKILLS.find((s) => editDistance(normaliseSkill(name), s) <= 2);
  return `unknown skill "${name}"${near ? ` (did you mean "${near}"?)` : ''}; known: ${SKILLS.join(', ')}`;
}
