/** A CSV download: UTF-8 with a byte-order mark (spreadsheets then read accents right). */
export function csvResponse(filename: string, body: string): Response {
  return new Response(`\uFEFF${body}`, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"` },
  });
}
