/** `true`/`false` in a query string become booleans; anything else is left for IsBoolean to refuse. */
export const queryBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
