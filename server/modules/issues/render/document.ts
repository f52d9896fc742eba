/**
 * What an issue (期) prints: everything the Word file, the print view and the on-screen
 * preview show, already in the words and order of the page. One model, three renderings, so
 * the preview an approver signs matches the file that is issued.
 */

/** 急件 marking printed at the top left, after the secrecy marking. */
export type IssueUrgencyLabel = '' | '加急' | '特急';

export interface IssueDocumentItem {
  title: string;
  /** Paragraphs of the body in order; headings (一、/（一）/1.) are detected by their prefix. */
  paragraphs: string[];
  /** Attribution printed under the body, right-aligned (e.g. “（省政协委员 张明远 反映）”); '' for none. */
  byline: string;
}

export interface IssueDocument {
  /** Masthead title without book-title marks, e.g. “政协信息”. */
  masthead: string;
  /** Masthead and rule colour, six hex digits without “#”, e.g. “C00000”. */
  mastheadColor: string;
  /** Secrecy marking at the top left, e.g. “内部资料　注意保存”; '' for none. */
  marking: string;
  urgency: IssueUrgencyLabel;
  /** “第12期”, “增刊第2期”; in a preview before issuing “第　期”. */
  numberLabel: string;
  /** “总第1034期”; '' when the publication does not count a running total. */
  totalLabel: string;
  /** 编印单位, printed at the left under the number, e.g. “安徽省政协办公厅”. */
  publisher: string;
  /** Sign-off date as printed, “2026年11月27日”; '' in a preview before signing. */
  date: string;
  /** 编者按; '' for none. */
  editorNote: string;
  items: IssueDocumentItem[];
  /** The closing block (版记): recipients by group, each a list of names. */
  recipients: { bao: string[]; song: string[]; fa: string[] };
  /** 共印N份. */
  printRun: number;
  /** A preview or an approval copy rather than the issued file (printed as a faint “送审稿” note). */
  draft: boolean;
  /** A correction (勘误) on record: revision number and what was corrected; null for the original. */
  correction: { revision: number; note: string } | null;
}
