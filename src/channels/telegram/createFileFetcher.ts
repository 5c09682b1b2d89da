import type { Api } from "grammy";
import { KlinikError } from "../../core/errors.ts";

/** A file could not be downloaded from Telegram; never carries the token-bearing URL. */
export class TelegramFileError extends KlinikError {
  override readonly name = "TelegramFileError";
}

export interface FileFetcherDeps {
  api: Api;
  token: string;
  apiRoot: string;
  maxFileBytes: number;
}

/**
 * Downloads a file the way the Bot API prescribes: getFile for its path, then
 * GET `${apiRoot}/file/bot<token>/<file_path>`. Refuses more than maxFileBytes even when
 * Telegram did not announce the size.
 */
export function createFileFetcher(deps: FileFetcherDeps): (fileId: string) => () => Promise<Uint8Array> {
  return (fileId) => async () => {
    const file = await deps.api.getFile(fileId);
    if (!file.file_path) throw new TelegramFileError("Telegram gave no file path", { fileId });
    const response = await fetch(`${deps.apiRoot}/file/bot${deps.token}/${file.file_path}`);
    if (!response.ok) {
      throw new TelegramFileError("File download failed", { fileId, status: response.status });
    }
    const announced = Number(response.headers.get("content-length") ?? 0);
    if (announced > deps.maxFileBytes) {
      await response.body?.cancel();
      throw new TelegramFileError("File too large", { fileId, size: announced });
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > deps.maxFileBytes) {
      throw new TelegramFileError("File too large", { fileId, size: bytes.byteLength });
    }
    return bytes;
  };
}
