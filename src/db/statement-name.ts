import { createHash } from 'node:crypto';

/** A prepared statement's name: a hash of its text, so equal texts share a plan and different ones never clash. */
export const statementName = (text: string) => `r${createHash('sha1').update(text).digest('base64url')}`;
