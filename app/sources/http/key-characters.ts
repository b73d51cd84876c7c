/**
 * Admin keys are plain ASCII (sk-ant-admin01-…, sk-admin-…). A key pasted from a chat or a document
 * can carry an invisible character (zero-width space U+200B, no-break space) or a typographic dash
 * (– U+2013) that looks right: fetch cannot even send it as a header (RFC 9110 §5.5 field values),
 * so it must be refused when entered, by a message that never repeats the key.
 */

const NAMES: Array<[RegExp, string]> = [
  [/[\u200B-\u200D\u2060\uFEFF]/, 'an invisible character (a zero-width space)'],
  [/[\u00A0\u2000-\u200A\u202F\u3000]/, 'a non-breaking or typographic space'],
  [/[\u2010-\u2015\u2212]/, 'a typographic dash (– or —) where a plain hyphen - belongs'],
  [/[\u2018\u2019\u201C\u201D]/, 'a curly quote'],
];

/** Why a key cannot be right because of a character in it, or undefined when every character is plain ASCII. */
export function keyCharacterProblem(key: string): string | undefined {
  if (/^[\x21-\x7E]*$/.test(key)) return undefined;
  const named = NAMES.find(([pattern]) => pattern.test(key))?.[1];
  const what = named ?? (/\s/.test(key) ? 'spaces or line breaks' : 'a character no API key has');
  return `The key contains ${what}; copy it again from the console and paste it as plain text.`;
}
