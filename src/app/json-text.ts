/** The JSON text every interface gives for machines (`--json`, the HTTP API): the same bytes from the CLI and the API. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
