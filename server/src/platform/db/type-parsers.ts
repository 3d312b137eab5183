// One set of type parsers for PGlite and pg so both drivers hand the code the same shapes:
// money (numeric) stays an exact decimal string, business dates stay 'YYYY-MM-DD'.
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: (v) => Number(v),
  [OID.numeric]: (v) => v,
  [OID.date]: (v) => v,
};
