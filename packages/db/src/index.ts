export * from './client';
export * as schema from './schema';
export * from './schema';
export type { WriteExecutor, WriteResult } from './write-thread';
