export function audienceLabel(audience: string, ageBand: string | null | undefined): string {
  const ages = ageBand ? ` aged ${ageBand.replace('-', ' to ')}` : '';
  if (audience === 'child') return `For children${ages}`;
  if (audience === 'youth') return `For young people${ages}`;
  return `For adults${ages}`;
}
