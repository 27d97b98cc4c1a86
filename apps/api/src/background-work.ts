import { type Config, config } from './config';

/**
 * Whether this process codes answers and sends notifications in the
 * background: yes unless BACKGROUND_WORK=off, for servers that leave that
 * work to other nodes (their health check then says no coder is running).
 */
export const backgroundWorkWanted = (settings: Pick<Config, 'BACKGROUND_WORK'> = config()): boolean => settings.BACKGROUND_WORK;
