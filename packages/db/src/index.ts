export * from './client';
export { firstIdAt, newId, timeOfId } from './ids';
export { pooledRandomBytes } from './random-pool';
export * as schema from './schema';
export * from './schema';
export * from './storable-text';
export { isUniqueViolation } from './unique-violation';
export type { WriteExecutor, WriteResult } from './write-thread';
