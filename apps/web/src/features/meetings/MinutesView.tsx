import './minutes.css';

/**
 * The minutes, read-only. The HTML comes from the server, which keeps only its allowlist (no scripts, no
 * attributes but a safe link's href) both when the minutes are saved and again when they are read.
 */
export function MinutesView({ html }: { html: string }) {
  return (
    <div
      className="tx-minutes"
      data-testid="detail-minutes"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised to a small allowlist (minutes-html.ts)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
