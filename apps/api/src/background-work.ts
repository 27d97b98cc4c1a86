/**
 * Whether this process codes answers and sends notifications in the
 * background: yes unless BACKGROUND_WORK=off, for servers that leave that
 * work to other nodes (their health check then says no coder is running).
 */
export const backgroundWorkWanted = (env: NodeJS.ProcessEnv = process.env) => env.BACKGROUND_WORK !== 'off';
