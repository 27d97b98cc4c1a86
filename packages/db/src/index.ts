export * from './client';
export * as schema from './schema';
export * from './schema';
export * from './storable-text';
export type { WriteExecutor, WriteResult } from './write-thread';
