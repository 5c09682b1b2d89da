import { parseVideoLink } from "../attachments/videoLink.ts";
import { checkProposal } from "../completeness/checkProposal.ts";
import { checkUpload, type UploadItem } from "../completeness/uploadChecklist.ts";
import { uploadTexts } from "../i18n/uploadTexts.ts";
import { renderSiap } from "./renderUpload.ts";
import type { Turn } from "./Turn.ts";

/** The upload checklist of the active proposal, when the app loaded its facts this turn. */
export function uploadItems(turn: Turn): UploadItem[] | undefined {
  const template = turn.template();
  const p = turn.proposal();
  const facts = turn.ctx.upload;
  if (!template || !p || !facts) return undefined;
  const deadline = turn.competition(p.competitionId)?.deadline;
  return checkUpload(template, facts, { deadline, now: turn.ctx.now, timezone: turn.ctx.timezone });
}

/** /siap: is the proposal ready to upload (files, video, age, title, quota) and how complete is it. */
export function showUploadReadiness(turn: Turn): void {
  const template = turn.template();
  const p = turn.proposal();
  const items = uploadItems(turn);
  if (!template || !p || !items) return;
  const check = checkProposal(template, turn.texts);
  turn.say(renderSiap(template, items, check, p.code, turn.locale, turn.ctx.timezone));
}

/** /video <link> saves the link, /video hapus removes it, /video alone shows it. */
export function setVideo(turn: Turn, arg: string): void {
  const u = uploadTexts(turn.locale);
  const p = turn.proposal();
  if (!p) return;
  const current = turn.ctx.upload?.videoUrl ?? null;
  if (!arg) return turn.say(current ? u.videoCurrent(current) : u.videoNone);
  if (/^(hapus|remove|delete)$/i.test(arg)) {
    turn.effect({ kind: "setVideo", proposalId: p.id, url: null });
    return turn.say(u.videoRemoved);
  }
  const link = parseVideoLink(arg);
  if (!link.ok) return turn.say(u.videoBad[link.reason]);
  turn.effect({ kind: "setVideo", proposalId: p.id, url: link.url });
  turn.say(u.videoSaved(link.url));
}
