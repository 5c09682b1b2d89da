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
};
