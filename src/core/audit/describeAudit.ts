/** Who did something, for the audit view: a chat contact by name, or a CLI operator. */
export function auditActor(e: { actorName: string | null; details: unknown }): {
  kind: "chat" | "cli" | "system";
  name: string;
} {
  const d = e.details && typeof e.details === "object" ? (e.details as Record<string, unknown>) : {};
  if (typeof d.operator === "string" && d.operator) return { kind: "cli", name: d.operator };
  if (e.actorName !== null) return { kind: "chat", name: e.actorName || "?" };
  return { kind: "system", name: "" };
}

/** The details of an entry as short "key=value" pairs (the operator is shown as the actor). */
export function auditDetails(details: unknown, max = 120): string {
  if (!details || typeof details !== "object") return "";
  const parts = Object.entries(details as Record<string, unknown>)
    .filter(([k]) => k !== "operator")
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  const s = parts.join(" ");
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
