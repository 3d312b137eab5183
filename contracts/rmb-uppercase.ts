// 人民币大写: an amount as it is written on a Chinese quote, contract or cheque (支付结算办法 rules):
// 壹拾 at the front (never a bare 拾), one 零 for each run of zeros between written digits (also across
// 万 and 亿), 整 after 元 when there are no 角 and 分, and 元零X分 when only the 角 is zero. Where the
// rules allow either form (a zero 元 digit before a 角: 壹仟陆佰捌拾元叁角贰分), the shorter one.
// Shared by the server's PDF and the web's print view.

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

/** '12345.67' → '壹万贰仟叁佰肆拾伍元陆角柒分'; up to 16 integer digits and two decimals. */
export function rmbUppercase(amount: string): string {
  const m = /^(-?)(\d{1,16})(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) throw new Error(`not an amount: ${amount}`);
  const [, sign, rawInt, rawFrac = ''] = m;
  const int = rawInt.replace(/^0+(?=\d)/, '');
  const [jiao, fen] = [Number(rawFrac.padEnd(2, '0')[0]), Number(rawFrac.padEnd(2, '0')[1])];

  let yuan = '';
  let zeroPending = false;
  for (let i = 0; i < int.length; i++) {
    const d = Number(int[i]);
    const place = int.length - 1 - i;
    if (d === 0) zeroPending = true;
    else {
      if (zeroPending && yuan) yuan += '零';
      zeroPending = false;
      yuan += DIGITS[d] + PLACES[place % 4];
    }
    // A section (万, 亿) is named when any of its four digits is written.
    const section = place / 4;
    if (place % 4 === 0 && place > 0 && /[1-9]/.test(int.slice(Math.max(0, i - 3), i + 1))) yuan += SECTIONS[section];
  }

  let words: string;
  if (!yuan && jiao === 0 && fen === 0) words = '零元整';
  else {
    const head = yuan ? `${yuan}元` : '';
    if (jiao === 0 && fen === 0) words = `${head}整`;
    else if (jiao === 0) words = `${head}${yuan ? '零' : ''}${DIGITS[fen]}分`;
    else words = `${head}${DIGITS[jiao]}角${fen ? `${DIGITS[fen]}分` : ''}`;
  }
  const zero = words === '零元整';
  return sign && !zero ? `负${words}` : words;
}
