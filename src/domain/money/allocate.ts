/**
 * Splits `total` minor units into integer parts proportional to `weights`, by the largest
 * remainder method: every part is floor(total·w/W) and the units left over go, one each, to
 * the parts with the largest remainders (earlier index first on ties). The parts always sum
 * to `total` exactly and the split is deterministic.
 *
 * Weights of zero get nothing unless every weight is zero, in which case the total is
 * spread evenly (again by largest remainder), so an amount is never lost.
 */
export function allocateByLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError('total must be a safe integer');
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('cannot allocate a non-zero total over no parts');
    return [];
  }
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError('weights must be non-negative safe integers');
  }
  if (total < 0) return allocateByLargestRemainder(-total, weights).map((p) => (p === 0 ? 0 : -p));

  const effective = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
  const sum = effective.reduce((a, b) => a + BigInt(b), 0n);
  const t = BigInt(total);
  const parts: bigint[] = [];
  const remainders: { index: number; remainder: bigint }[] = [];
  let allocated = 0n;
  effective.forEach((w, index) => {
    const product = t * BigInt(w);
    const part = product / sum;
    parts.push(part);
    allocated += part;
    remainders.push({ index, remainder: product % sum });
  });
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let left = t - allocated, i = 0; left > 0n; left--, i++) {
    parts[remainders[i]!.index]! += 1n;
  }
  return parts.map(Number);
}
