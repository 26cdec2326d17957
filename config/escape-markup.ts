// Escapes text for HTML and XML alike (element text and double-quoted attributes). No Node imports,
// so the k6 summary and the Node report share it.

export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
