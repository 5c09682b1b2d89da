import { absent, type DetectorResult, found } from "./detectorResult.ts";

const URL_RE =
  /(?:https?:\/\/|www\.)[^\s<>()"'\]]+|(?<![\w./])(?:youtu\.be|youtube\.com|drive\.google\.com|vimeo\.com)\/[^\s<>()"'\]]+/giu;
const VIDEO_HOSTS = [
  "youtube.com",
  "youtu.be",
  "youtube-nocookie.com",
  "drive.google.com",
  "vimeo.com",
  "fb.watch",
  "dailymotion.com",
  "dai.ly",
  "tiktok.com",
  "1drv.ms",
  "onedrive.live.com",
  "sharepoint.com",
  "dropbox.com",
  "streamable.com",
  "terabox.com",
  "mega.nz",
];

/** A link to a video: YouTube, Google Drive and other video or cloud hosts, or a video file URL. */
export function detectVideoLink(text: string): DetectorResult {
  for (const m of text.matchAll(URL_RE)) {
    const raw = m[0].replace(/[.,;:!?]+$/u, "");
    let url: URL;
    try {
      url = new URL(/^https?:/iu.test(raw) ? raw : `https://${raw}`);
    } catch {
      continue;
    }
    const host = url.hostname.toLowerCase().replace(/^(?:www\.|m\.)/u, "");
    const isHost = VIDEO_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
    const isSocialVideo =
      (host.endsWith("facebook.com") && /\/(?:videos|watch|reel)/u.test(url.pathname)) ||
      (host.endsWith("instagram.com") && /^\/(?:reel|reels|tv|p)\//u.test(url.pathname));
    if (isHost || isSocialVideo || /\.(?:mp4|mov|m4v|webm|mkv|avi)$/iu.test(url.pathname)) return found(raw);
  }
  return absent;
}
