import { describe, expect, it } from "vitest";
import { balanceAssignments } from "../../../src/core/scoring/balanceAssignments.ts";

const proposals = [
  { id: "p1", category: "a", region: "Bali" },
  { id: "p2", category: "a", region: "Jawa" },
  { id: "p3", category: "b", region: "Bali" },
  { id: "p4", category: "b", region: "Jawa" },
];

function loads(out: { judge: string }[]) {
  const m: Record<string, number> = {};
  for (const o of out) m[o.judge] = (m[o.judge] ?? 0) + 1;
  return m;
}

describe("balanceAssignments", () => {
  it("gives each proposal its judges, evenly, never a conflicted judge", () => {
    const out = balanceAssignments({
      proposals,
      judges: ["J1", "J2", "J3"],
      perProposal: 2,
      existing: new Set(),
      conflicts: new Set(["p1|J2", "p3|J2"]),
    });
    expect(out).toHaveLength(8);
    expect(out.some((o) => o.judge === "J2" && (o.proposalId === "p1" || o.proposalId === "p3"))).toBe(false);
    for (const p of proposals)
      expect(new Set(out.filter((o) => o.proposalId === p.id).map((o) => o.judge)).size).toBe(2);
    expect(Object.values(loads(out)).sort()).toEqual([2, 3, 3]);
  });

  it("counts existing assignments and adds only what is missing", () => {
    const out = balanceAssignments({
      proposals,
      judges: ["J1", "J2"],
      perProposal: 1,
      existing: new Set(["p1|J1", "p2|J1"]),
      conflicts: new Set(),
    });
    expect(out).toEqual([
      { proposalId: "p3", judge: "J2" },
      { proposalId: "p4", judge: "J2" },
    ]);
  });

  it("spreads one judge's load over categories when loads tie", () => {
    const out = balanceAssignments({
      proposals,
      judges: ["J1", "J2"],
      perProposal: 1,
      existing: new Set(),
      conflicts: new Set(),
    });
    const j1 = out.filter((o) => o.judge === "J1").map((o) => o.proposalId);
    expect(j1).toHaveLength(2);
    expect(new Set(j1.map((id) => proposals.find((p) => p.id === id)!.category)).size).toBe(2);
  });

  it("leaves a proposal short when every free judge has a conflict", () => {
    const out = balanceAssignments({
      proposals: [proposals[0]!],
      judges: ["J1", "J2"],
      perProposal: 2,
      existing: new Set(),
      conflicts: new Set(["p1|J1"]),
    });
    expect(out).toEqual([{ proposalId: "p1", judge: "J2" }]);
  });
});
