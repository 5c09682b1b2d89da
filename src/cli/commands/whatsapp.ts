import { whatsappTemplates } from "../whatsAppTemplatesCommand.ts";
import { whatsappImportAuth, whatsappLogout, whatsappStatus } from "../whatsappCommands.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik whatsapp import-auth|status|logout` */
export const register: RegisterCommands = (program, { io }) => {
  const whatsapp = program.command("whatsapp").description("the bot's WhatsApp session");
  whatsapp
    .command("import-auth")
    .description("a Baileys auth folder (creds.json…) into the database")
    .argument("[dir]", "the auth folder")
    .option("--force", "replace a session already stored")
    .addHelpText("after", examples("whatsapp import-auth ./auth_info_baileys"))
    .action((dir: string | undefined, o: { force?: boolean }) => whatsappImportAuth(io, dir, o));
  whatsapp
    .command("status")
    .description("is a session stored, for which number")
    .addHelpText("after", examples("whatsapp status"))
    .action(() => whatsappStatus(io));
  whatsapp
    .command("logout")
    .description("forget the stored session (pair again at next start)")
    .option("-y, --yes", "remove without asking (needed when stdin is not a terminal)")
    .addHelpText("after", examples("whatsapp logout --yes"))
    .action((o: { yes?: boolean }) => whatsappLogout(io, o));
  whatsapp
    .command("templates")
    .description("approved Cloud API templates for messages the bot starts outside the 24-hour window")
    .argument("[competition]", "the competition's slug")
    .option(
      "--set <purpose=name:lang[:params]>",
      "announcement, reminder or notification; repeatable",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option("--clear", "forget every template of the competition")
    .addHelpText(
      "after",
      examples(
        "whatsapp templates kipp-2027 --set announcement=pengumuman_klinik:id:2 --set reminder=pengingat_batas:id",
      ),
    )
    .action((slug: string | undefined, o: { set?: string[]; clear?: boolean }) =>
      whatsappTemplates(io, slug, o),
    );
};
