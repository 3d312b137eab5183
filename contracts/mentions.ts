/**
 * @mentions in free text (follow-ups, notes): the one parser, shared by the server (who is
 * notified) and the web (what is highlighted). Chinese names run on into the sentence
 * ("@周晓明请跟进"), so a mention is the longest colleague name or username right after an "@",
 * not a whitespace-delimited word; an "@" inside an e-mail address is no mention.
 */
export interface MentionCandidate {
  id: string;
  /** Display name and username; matched case-insensitively. */
  names: string[];
}

export interface MentionMatch {
  id: string;
  /** Index of the "@" and the length including it. */
  start: number;
  length: number;
}

const EMAIL_CHAR = /[A-Za-z0-9._%+-]/;
const LATIN_WORD_CHAR = /[A-Za-z0-9._-]/;

export function findMentions(text: string, candidates: MentionCandidate[]): MentionMatch[] {
  const names = candidates
    .flatMap((c) => c.names.filter((n) => n.trim().length > 0).map((n) => ({ id: c.id, name: n.toLowerCase() })))
    .sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLowerCase();
  const found: MentionMatch[] = [];
  for (let i = lower.indexOf('@'); i >= 0; i = lower.indexOf('@', i + 1)) {
    if (i > 0 && EMAIL_CHAR.test(text[i - 1] as string)) continue;
    const hit = names.find((n) => {
      if (!lower.startsWith(n.name, i + 1)) return false;
      // "@zhou" must not match inside "@zhouwei": a Latin name ends where the Latin word ends.
      const next = text[i + 1 + n.name.length];
      const last = n.name[n.name.length - 1] as string;
      return !(next && LATIN_WORD_CHAR.test(last) && LATIN_WORD_CHAR.test(next));
    });
    if (hit) found.push({ id: hit.id, start: i, length: hit.name.length + 1 });
  }
  return found;
}

/** The distinct people mentioned, in order of first mention. */
export const mentionedIds = (text: string, candidates: MentionCandidate[]): string[] => [
  ...new Set(findMentions(text, candidates).map((m) => m.id)),
];
