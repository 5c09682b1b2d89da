import { catalog } from "./catalog.ts";
import { dateFormat } from "./dateFormats.ts";
import type { Locale } from "./locale.ts";
import { en } from "./texts.en.ts";
import { id } from "./texts.id.ts";

/**
 * Every sentence the coaching dialogue says, per locale (Indonesian first). Functions take
 * already-known values; user-supplied text is passed as plain strings, which renderers escape.
 */
export interface DialogueTexts {
  welcome: (name: string) => string;
  greetBack: (name: string) => string;
  privacy: string;
  openCompetition: (name: string, deadline?: string) => string;
  noCompetition: string;
  chooseCompetition: string;
  btnNew: string;
  btnContinue: string;
  btnSkip: string;
  askUnit: string;
  askInstansi: string;
  askGroup: string;
  askCategory: string;
  askRegistration: (question: string, example: string) => string;
  badYear: (label: string, max: number) => string;
  unitProblems: { short: string; long: string; digits: string };
  instansiProblems: { short: string; long: string; digits: string };
  fieldProblems: (label: string, example: string) => { short: string; long: string; digits: string };
  tooYoung: (age: number, min: number) => string;
  duplicateTitle: string;
  created: (title: string, code: string, count: number, first: string) => string;
  sectionHeader: (i: number, n: number, title: string, weight: number, min: number, max?: number) => string;
  guidingQuestions: string;
  writeInstruction: string;
  wordsSoFar: (words: number, max?: number) => string;
  overMax: (words: number, max: number) => string;
  nothingWritten: string;
  checkHeader: (title: string, words: number, max: number | undefined, mark: string) => string;
  markWord: Record<"complete" | "incomplete" | "empty", string>;
  wordsShort: (words: number, min: number) => string;
  wordsLong: (words: number, max: number) => string;
  throwaway: Record<
    | "too_short"
    | "repeated_chars"
    | "question_copied"
    | "lorem_ipsum"
    | "duplicate_of_section"
    | "nothing_yet"
    | "off_topic",
    string
  >;
  tip: string;
  btnRevise: string;
  btnAppend: string;
  btnNext: string;
  btnLater: string;
  btnBack: string;
  savedLater: string;
  lastSectionDone: string;
  sectionsHeader: (code: string, readiness: number) => string;
  chooseSectionHint: string;
  currentText: (title: string, words: number) => string;
  writingText: (title: string, words: number) => string;
  emptySection: (title: string) => string;
  aiAdvised: string;
  reviseIntro: (title: string) => string;
  appendIntro: (title: string) => string;
  historyHeader: (title: string) => string;
  revisionLabel: (when: string, words: number, preview: string) => string;
  noHistory: (title: string) => string;
  restored: (title: string) => string;
  cekHeader: (code: string, readiness: number) => string;
  cekTopFixes: string;
  cekAllGood: string;
  fixLine: (title: string, weight: number, mark: string) => string;
  proposalsHeader: string;
  switched: (title: string, code: string) => string;
  chooseLocale: string;
  localeSet: string;
  cancelled: string;
  cancelledSaved: (title: string) => string;
  tooLong: (chars: number) => string;
  nonText: string;
  emptyLine: string;
  unknownCommand: (cmd: string) => string;
  staleChoice: string;
  needProposal: string;
  pendingAsk: string;
  resume: (title: string, words: number) => string;
  resumeReviewed: (title: string) => string;
  welcomeBack: string;
  recovered: string;
  menuHint: string;
  askSecretariat: string;
  pickOne: string;
  greetingWhileWriting: string;
  unsureAsk: string;
  btnAddToAnswer: string;
  btnIsQuestion: string;
  notAdded: string;
}

export const dialogueTexts = catalog<DialogueTexts>({ id, en });

/** "6 Mei 2023" / "6 May 2023" in the competition's time zone. */
export function formatDate(d: Date, locale: Locale, timeZone: string): string {
  return dateFormat(locale === "en" ? "en-GB" : "id-ID", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(d);
}
