/** True when every file `npm run build` makes from ROOT/src exists in ROOT/dist and is no older than its source. */
export function buildIsCurrent(root: string): boolean;
