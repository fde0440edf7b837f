/** What reading a file gives: its text, one paragraph or table row a line, and metadata hints. */
export interface ReadResult {
  text: string;
  /**
   * Metadata a file states outside its text (a site's info block: 索引号, 发文字号, 发文机关, 成文日期,
   * 发布日期), under the front-matter keys the corpus reads: title, docNumber, issuer, issued,
   * published, validFrom, validTo, indexNumber. Dates are YYYY-MM-DD.
   */
  hints: Record<string, string>;
  format: Format;
  /** The text encoding a plain-text or HTML file was read in. */
  encoding?: string;
}

export type Format = 'txt' | 'html' | 'docx' | 'pdf';

export type RefusalReason = 'empty' | 'binary' | 'unreadable' | 'scanned' | 'encrypted' | 'unsupported';

/** A file that cannot be read as a policy, with the reason in words a provider can act on. */
export class IngestError extends Error {
  override name = 'IngestError';
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}
