import pino from "pino";

export type Logger = pino.Logger;

/**
 * Readable lines on a terminal, JSON otherwise (files, journald, log shippers). Message texts and
 * phone numbers are never logged at info level: log ids, never content.
 */
export function createLogger(
  level: string,
  opts: { pretty?: boolean; destination?: NodeJS.WritableStream } = {},
): Logger {
  const pretty = opts.pretty ?? (process.stdout.isTTY === true && !opts.destination);
  const redact = {
    paths: ["text", "*.text", "phone", "*.phone", "token", "*.token", "apiKey"],
    censor: "[redacted]",
  };
  if (pretty)
    return pino({
      level,
      redact,
      transport: {
        target: "pino-pretty",
        options: { colorize: true, translateTime: "HH:MM:ss", ignore: "pid,hostname", destination: 2 },
      },
    });
  return pino(
    { level, redact },
    (opts.destination as pino.DestinationStream | undefined) ?? pino.destination(2),
  );
}
