import { type StaffArgs, staffAdd, staffList, staffRemove } from "../staffCommands.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik staff add|remove|list` */
export const register: RegisterCommands = (program, { io }) => {
  const staff = program.command("staff").description("secretariat members and judges");
  const who = (c: ReturnType<typeof staff.command>) =>
    c
      .option("--competition <slug>", "the competition")
      .option("--role <role>", "secretariat or judge")
      .option("--phone <number>", "phone number (e.g. 0812…, +62812…)")
      .option("--telegram-id <id>", "numeric Telegram user id");
  who(staff.command("add").description("a secretariat member or judge of one competition"))
    .option("--name <text>", "display name")
    .option("--judge-ref <name>", "the judge's name as the score sheets write it (default: --name)")
    .addHelpText(
      "after",
      examples(
        "staff add --competition kipp-2027 --role secretariat --phone 081234567890 --name Sari",
        "staff add --competition kipp-2027 --role judge --telegram-id 123456 --judge-ref J1",
      ),
    )
    .action((o: StaffArgs) => staffAdd(io, o));
  who(staff.command("remove").description("take a staff role away"))
    .addHelpText("after", examples("staff remove --competition kipp-2027 --role judge --phone 081234567890"))
    .action((o: StaffArgs) => staffRemove(io, o));
  staff
    .command("list")
    .description("one line per staff role")
    .option("--competition <slug>", "only this competition")
    .addHelpText("after", examples("staff list --competition kipp-2027"))
    .action((o: { competition?: string }) => staffList(io, o));
};
