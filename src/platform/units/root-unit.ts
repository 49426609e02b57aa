/** The commissionerate itself: the root every other unit hangs from. */
export const ROOT_UNIT = {
  code: 'BPL',
  kind: 'COMMISSIONERATE',
  nameEn: 'Police Commissionerate, Bhopal',
  nameHi: 'पुलिस आयुक्त कार्यालय, भोपाल',
} as const;
