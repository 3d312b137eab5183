/**
 * The company's time zone, as the server reports it with the signed-in user (/auth/me): business
 * dates, "today" and calendar days are the company's, whatever zone the browser is in.
 */
let zone = 'Asia/Shanghai';

export const companyZone = (): string => zone;

export function setCompanyZone(tz: string): void {
  zone = tz;
}
