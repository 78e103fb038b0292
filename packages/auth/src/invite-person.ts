/**
 * Inviting a person of a workspace: they get an email with a one-time link that signs them
 * in (creating their account, verifying their email) and so links the account to the
 * person, with the role the person has. A person can own branches long before that;
 * inviting is what lets them act. Sending again sends a fresh link.
 */
import { DomainError } from '@treeline/core';
import { type Db, findPerson, type Person, updatePerson, type Workspace } from '@treeline/db';
import { ensureAccount } from './accounts';
import { asInvitation, type TreelineAuth } from './treeline-auth';

/**
 * @example await invitePerson(auth, db, { workspace, personId, inviter, publicUrl });
 */
export async function invitePerson(
  auth: TreelineAuth,
  db: Db,
  input: {
    workspace: Workspace;
    personId: string;
    inviter: { personId: string | null; name: string };
    /** Where Treeline is reached; the link leads back to the workspace there. */
    publicUrl: string;
  },
): Promise<Person> {
  const { workspace } = input;
  const person = await findPerson(db, workspace.id, input.personId);
  if (!person)
    throw new DomainError('not_found', `No person with id ${input.personId} in this workspace.`);
  if (person.deactivated_at) {
    throw new DomainError('not_invitable', `${person.name} is deactivated; reactivate them first.`);
  }
  if (person.user_id) {
    throw new DomainError('not_invitable', `${person.name} already has an account here.`);
  }
  await ensureAccount(auth, { email: person.email, name: person.name });
  const before = { invitedAt: person.invited_at, invitedBy: person.invited_by };
  const invited = (await updatePerson(db, workspace.id, person.id, {
    invitedAt: new Date(),
    invitedBy: input.inviter.personId,
  })) as Person;
  try {
    await asInvitation({ workspaceName: workspace.name, inviterName: input.inviter.name }, () =>
      auth.api.signInMagicLink({
        body: {
          email: person.email,
          callbackURL: `${input.publicUrl}/#/w/${workspace.slug}`,
          errorCallbackURL: `${input.publicUrl}/#/sign-in?invitation=expired`,
        },
        headers: new Headers({ origin: input.publicUrl }),
      }),
    );
  } catch (cause) {
    // The person stays as they were: nobody is "invited" by an email that never left.
    await updatePerson(db, workspace.id, person.id, before);
    throw new DomainError(
      'mail_failed',
      `The invitation to ${person.email} could not be sent (${cause instanceof Error ? cause.message : String(cause)}). Check the server's SMTP_URL, then try again.`,
    );
  }
  return invited;
}
