import type { CheckLanguage } from './savedLanguage';

/**
 * The overview `badgefolio --help` prints, in English or German (`--language`, else the app's
 * setting). Each command's own summary line is in program.ts's table, in both languages; a
 * command's full help is English only, and says so in German (usageWords.ts: helpInEnglish).
 */
export interface ProgramWords {
  readonly tagline: string;
  readonly usage: string;
  readonly commands: string;
  readonly noCommands: string;
  readonly helpCommand: string;
  readonly options: string;
  readonly showHelp: string;
  readonly showVersion: string;
  readonly language: readonly string[];
}

const english: ProgramWords = {
  tagline: 'your micro-credentials wallet, from the command line.',
  usage: 'Usage',
  commands: 'Commands',
  noCommands: '(none yet)',
  helpCommand: 'Show help for a command: badgefolio help <command>',
  options: 'Options',
  showHelp: 'Show this help',
  showVersion: 'Show the version',
  language: [
    'Language: every command prints its sentences in English or German, as --language en|de',
    "says, else as the app's language setting (Settings). --json output, and the outcome words",
    'that start the lines of import and receive, are the same in every language.',
  ],
};

const german: ProgramWords = {
  tagline: 'deine Brieftasche für Micro-Credentials, auf der Kommandozeile.',
  usage: 'Aufruf',
  commands: 'Befehle',
  noCommands: '(noch keine)',
  helpCommand: 'Hilfe zu einem Befehl zeigen (auf Englisch): badgefolio help <Befehl>',
  options: 'Optionen',
  showHelp: 'Diese Hilfe zeigen',
  showVersion: 'Die Version zeigen',
  language: [
    'Sprache: Jeder Befehl schreibt seine Sätze auf Englisch oder Deutsch, wie --language en|de',
    'sagt, sonst wie die Spracheinstellung der App (Einstellungen). Die Ausgabe von --json und die',
    'Ergebniswörter am Anfang der Zeilen von import und receive sind in jeder Sprache gleich.',
  ],
};

export function programWords(language: CheckLanguage): ProgramWords {
  return language === 'de' ? german : english;
}
