/**
 * The innovation video is hosted elsewhere (KIPP 2025: YouTube or cloud storage); the proposal
 * keeps a link. A link is accepted when it is a well-formed https URL on a known video or
 * storage host, so a typo or a link to a chat message is caught before the secretariat sees it.
 */
export type VideoLinkResult =
  | { ok: true; url: string; host: VideoHost }
  | { ok: false; reason: "not_url" | "unknown_host" | "not_a_video_page" };

export type VideoHost = "youtube" | "google_drive" | "onedrive" | "dropbox" | "vimeo" | "other_cloud";

const HOSTS: { host: VideoHost; match: RegExp }[] = [
  { host: "youtube", match: /(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com)$/ },
  { host: "google_drive", match: /(^|\.)(drive\.google\.com|docs\.google\.com)$/ },
  { host: "onedrive", match: /(^|\.)(onedrive\.live\.com|1drv\.ms|sharepoint\.com)$/ },
  { host: "dropbox", match: /(^|\.)(dropbox\.com|db\.tt)$/ },
  { host: "vimeo", match: /(^|\.)vimeo\.com$/ },
  { host: "other_cloud", match: /(^|\.)(box\.com|mega\.nz|icloud\.com|terabox\.com)$/ },
];

/** Reads a link the person typed ("youtu.be/abc", "https://drive.google.com/file/d/…"). */
export function parseVideoLink(input: string): VideoLinkResult {
  const raw = input.trim().replace(/^<|>$/g, "");
  if (!raw || /\s/.test(raw)) return { ok: false, reason: "not_url" };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return { ok: false, reason: "not_url" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "not_url" };
  const hostname = url.hostname.toLowerCase().replace(/^www\.|^m\./, "");
  if (!hostname.includes(".")) return { ok: false, reason: "not_url" };
  const known = HOSTS.find((h) => h.match.test(hostname));
  if (!known) return { ok: false, reason: "unknown_host" };
  const path = url.pathname.replace(/\/+$/, "");
  // A bare host ("youtube.com") is not a video; YouTube needs a watch, short, live or youtu.be id.
  if (path === "" || path === "/") return { ok: false, reason: "not_a_video_page" };
  if (known.host === "youtube" && hostname !== "youtu.be") {
    const watch = path === "/watch" && url.searchParams.get("v");
    if (!watch && !/^\/(shorts|live|embed)\/[\w-]{6,}/.test(path))
      return { ok: false, reason: "not_a_video_page" };
  }
  url.protocol = "https:";
  return { ok: true, url: url.toString(), host: known.host };
}
