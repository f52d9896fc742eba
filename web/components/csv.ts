/** One CSV cell: quoted; a leading formula character is neutralised so spreadsheets show it as text. */
function cell(value: string, guardFormula: boolean): string {
  const text = guardFormula && /^[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Builds a CSV in the browser and saves it. UTF-8 with BOM so Excel shows Chinese correctly.
 * `exact` marks columns that must stay byte-for-byte (e.g. passwords), never altered.
 */
export function downloadCsv(
  filename: string,
  header: string[],
  rows: string[][],
  exact: number[] = [],
): void {
  const lines = [header, ...rows].map((row) =>
    row.map((value, index) => cell(value, !exact.includes(index))).join(','),
  );
  const blob = new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
