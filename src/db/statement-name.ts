import { createHash } from 'node:crypto';

/** Names by text: a hot path sends the same few hundred texts again and again, and hashing one costs more than finding it. */
const names = new Map<string, string>();
/** Texts kept at most (a few MiB): past it the memo starts over rather than grow. */
const REMEMBERED = 1_000;

/** A prepared statement's name: a hash of its text, so equal texts share a plan and different ones never clash. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `r${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= REMEMBERED) names.clear();
    names.set(text, name);
  }
  return name;
}
