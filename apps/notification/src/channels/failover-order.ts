/**
 * The order to try providers in: the first drawn at random in proportion to its weight (so 70/30
 * splits traffic 70/30), then the others by weight, highest first. Weight 0 is a standby: never
 * first, tried when the others fail.
 */
export function failoverOrder<T extends { weight: number }>(
  providers: readonly T[],
  random: number = Math.random(),
): T[] {
  const total = providers.reduce((sum, provider) => sum + provider.weight, 0);
  const byWeight = [...providers].sort((a, b) => b.weight - a.weight);
  if (total === 0) return byWeight;
  let point = random * total;
  const first = providers.find((provider) => provider.weight > 0 && (point -= provider.weight) < 0) ?? byWeight[0];
  return [first, ...byWeight.filter((provider) => provider !== first)];
}
