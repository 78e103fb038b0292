/**
 * How an alert reads in each channel: the in-app notification, the email (plain text and
 * HTML) and the webhook body, Slack-compatible (a `text` field any Slack incoming webhook
 * shows, plus structured fields for automations).
 */

export interface AlertMessageInput {
  alertId: string;
  workspaceId: string;
  treeId: string;
  treeName: string;
  nodeId: string;
  nodeLabel: string;
  routedNodeId: string;
  routedNodeLabel: string;
  /** The routed branch's share of the moved node's change (0–1). */
  routedShare: number;
  accountableName: string | null;
  grain: string;
  periodStart: string;
  periodLabel: string;
  direction: 'up' | 'down';
  tone: 'good' | 'bad';
  title: string;
  summary: string;
  /** The app's address of the node in its period (a hash route), relative or absolute. */
  link: string;
  value: number | null;
  baseline: number | null;
  changePct: number | null;
  z: number | null;
  /** Why this person hears of it: accountable, responsible (copied) or escalation. */
  role?: 'to' | 'cc' | 'escalation';
}

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

const lead = (input: AlertMessageInput) =>
  input.role === 'cc'
    ? `You are copied as Responsible for ${input.routedNodeLabel}.`
    : input.role === 'escalation'
      ? `Escalated to you: nobody acknowledged this alert in time.`
      : `You are Accountable for ${input.routedNodeLabel}, the branch that explains this movement.`;

/**
 * @example alertEmail(input).subject // "[Treeline] Emails per contact fell 31% in W47 2026"
 */
export function alertEmail(input: AlertMessageInput): {
  subject: string;
  text: string;
  html: string;
} {
  const marker = input.tone === 'good' ? 'Good news' : 'Needs a look';
  const subject = `[Treeline] ${input.title}`;
  const text = [
    `${marker}: ${input.title}`,
    '',
    lead(input),
    '',
    input.summary,
    '',
    `Tree: ${input.treeName}`,
    `Open it: ${input.link}`,
  ].join('\n');
  const colour = input.tone === 'good' ? '#15803d' : '#b91c1c';
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111">
<p style="color:${colour};font-weight:600">${escapeHtml(marker)}</p>
<h2 style="margin:0 0 8px">${escapeHtml(input.title)}</h2>
<p>${escapeHtml(lead(input))}</p>
<p>${escapeHtml(input.summary)}</p>
<p>Tree: ${escapeHtml(input.treeName)}</p>
<p><a href="${escapeHtml(input.link)}">Open ${escapeHtml(input.nodeLabel)} in its period</a></p>
</body></html>`;
  return { subject, text, html };
}

/**
 * The webhook body for `alert.raised`: Slack shows `text`; automations read the fields.
 *
 * @example alertWebhookBody(input).type // 'alert.raised'
 */
export function alertWebhookBody(input: AlertMessageInput) {
  const emoji = input.tone === 'good' ? ':large_green_circle:' : ':red_circle:';
  return {
    type: 'alert.raised',
    text: `${emoji} ${input.title}. ${input.routedNodeLabel} explains ${Math.round(input.routedShare * 100)}% of it${input.accountableName ? ` (Accountable: ${input.accountableName})` : ''}. ${input.link}`,
    alert: {
      id: input.alertId,
      workspaceId: input.workspaceId,
      treeId: input.treeId,
      treeName: input.treeName,
      nodeId: input.nodeId,
      nodeLabel: input.nodeLabel,
      grain: input.grain,
      periodStart: input.periodStart,
      periodLabel: input.periodLabel,
      direction: input.direction,
      tone: input.tone,
      title: input.title,
      summary: input.summary,
      value: input.value,
      baseline: input.baseline,
      changePct: input.changePct,
      z: input.z,
      routedNodeId: input.routedNodeId,
      routedNodeLabel: input.routedNodeLabel,
      routedShare: input.routedShare,
      accountable: input.accountableName,
      link: input.link,
    },
  };
}
