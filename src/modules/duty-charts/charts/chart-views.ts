/** A requirement the chart could not meet, in the words of the order and with its place in it. */
export interface ChartShortfall {
  divisionCode: string;
  sectorCode: string;
  postCode: string;
  postName: string;
  shiftCode: string;
  /** "rank:CONSTABLE", "women" or "skill:armed". */
  requirement: string;
  needed: number;
  assigned: number;
  missing: number;
  /** The solver's explanation: where the people who could have filled it are. */
  reason: string;
}
