import { ticketsAnswer, ticketsClose, ticketsDecide, ticketsList } from "../ticketCommands.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik tickets list|answer|close|decide`: the secretariat's question and appeal queue. */
export const register: RegisterCommands = (program, { io }) => {
  const tickets = program.command("tickets").description("questions and appeals to the secretariat");
  tickets
    .command("list")
    .description("tickets of a competition, oldest first")
    .option("--competition <slug>", "the competition")
    .option("--status <status>", "open (default), answered, closed, unclosed or all")
    .option("--kind <kind>", "status, nilai, teknis, lainnya or banding")
    .addHelpText("after", examples("tickets list --competition kipp-2027 --kind banding"))
    .action((o: { competition?: string; status?: string; kind?: string }) => ticketsList(io, o));
  tickets
    .command("answer <number>")
    .description("answer a ticket; the asker gets it on their channel through the outbox")
    .option("--text <answer>", "the answer")
    .option("--save", "also save it as a reply offered for similar questions")
    .addHelpText("after", examples('tickets answer 12 --text "Pengumuman pada 5 Desember." --save'))
    .action((n: string, o: { text?: string; save?: boolean }) => ticketsAnswer(io, n, o));
  tickets
    .command("close <number>")
    .description("close a ticket (the asker is told)")
    .addHelpText("after", examples("tickets close 12"))
    .action((n: string) => ticketsClose(io, n));
  tickets
    .command("decide <number>")
    .description(
      "decide an appeal; with --correct, correct scores (new rows, old kept) and release the result again",
    )
    .option("--accept", "the appeal is accepted")
    .option("--reject", "the appeal is rejected")
    .option("--note <explanation>", "the explanation the participant reads")
    .option("--correct <criterion=value...>", "corrected criterion scores (with --accept)")
    .option("--judge <ref>", "correct only this judge's score (default: every judge of the criterion)")
    .addHelpText(
      "after",
      examples('tickets decide 14 --accept --note "Data kebaruan terbaca keliru." --correct kebaruan=85'),
    )
    .action(
      (
        n: string,
        o: { accept?: boolean; reject?: boolean; note?: string; correct?: string[]; judge?: string },
      ) => ticketsDecide(io, n, o),
    );
};
