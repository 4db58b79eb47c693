/**
 * Turns string offsets into 1-based lines and columns. Columns count UTF-16 code units, as
 * SARIF's default `columnKind` does. LF, CRLF and a lone CR each end a line, as in YAML. Line
 * starts are found only as far as the offsets asked for.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** How far the text has been searched for line ends. */
  private scanned = 0;

  /** Without a CR, line ends can be found with indexOf, far faster than reading each character. */
  private readonly onlyLineFeeds: boolean;

  constructor(private readonly text: string) {
    this.onlyLineFeeds = !text.includes('\r');
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    this.scanTo(offset);
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    while (this.starts.length <= line && this.scanned < this.text.length) this.scanTo(this.scanned);
    const start = this.starts[line - 1] ?? this.text.length;
    let end = this.starts[line] ?? this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  /** Records the line starts up to and including the first line end at or after `offset`. */
  private scanTo(offset: number): void {
    const text = this.text;
    if (this.onlyLineFeeds) {
      let at = this.scanned;
      while (at < text.length) {
        const end = text.indexOf('\n', at);
        if (end < 0) {
          at = text.length;
          break;
        }
        this.starts.push(end + 1);
        at = end + 1;
        if (end >= offset) break;
      }
      this.scanned = at;
      return;
    }
    let i = this.scanned;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.starts.push(i + 1);
        if (i >= offset) {
          i++;
          break;
        }
      }
    }
    this.scanned = i;
  }
}
