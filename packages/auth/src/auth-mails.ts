/** What Treeline's account emails say: each names why it came and the one link to follow. */
import type { Mail } from '@treeline/notify';

/** @example passwordResetMail({ name: 'Ana', email: 'ana@example.com' }, url).subject */
export function passwordResetMail(user: { name: string; email: string }, url: string): Mail {
  return {
    to: user.email,
    subject: 'Reset your Treeline password',
    text: [
      `Hello ${user.name},`,
      '',
      'Someone (we hope you) asked to reset the password of your Treeline account.',
      `Choose a new password here within the hour: ${url}`,
      '',
      'If it was not you, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}

/** @example invitationMail('bo@example.com', url, { workspaceName: 'Acme', inviterName: 'Ana' }) */
export function invitationMail(
  email: string,
  url: string,
  invitation: { workspaceName: string; inviterName: string },
): Mail {
  return {
    to: email,
    subject: `${invitation.inviterName} invited you to ${invitation.workspaceName} on Treeline`,
    text: [
      `${invitation.inviterName} invited you to the ${invitation.workspaceName} workspace on Treeline,`,
      'where your team sees its metric trees, who owns each branch, and what moved.',
      '',
      `Join with this link (valid for 7 days; it signs you in): ${url}`,
      '',
      'You can set a password on your account page afterwards.',
    ].join('\n'),
  };
}
