// Tests for recognising an export layout from its header alone.

import { describe, expect, it } from 'vitest';
import { detectPreset } from './detect-preset';

describe('detectPreset', () => {
  it('tells Salesforce Leads from Contacts and Tasks from Events by their columns', () => {
    const common = [
      'Id',
      'FirstName',
      'LastName',
      'Email',
      'LeadSource',
      'OwnerId',
      'CreatedDate',
      'IsDeleted',
    ];
    expect(detectPreset([...common, 'AccountId', 'Title', 'MailingCountry'])?.key).toBe(
      'salesforce-contacts',
    );
    expect(
      detectPreset([...common, 'Company', 'Status', 'IsConverted', 'ConvertedDate'])?.key,
    ).toBe('salesforce-leads');
    expect(
      detectPreset([
        'Id',
        'WhoId',
        'OwnerId',
        'Subject',
        'Status',
        'TaskSubtype',
        'ActivityDate',
        'CreatedDate',
      ])?.key,
    ).toBe('salesforce-tasks');
    expect(
      detectPreset([
        'Id',
        'WhoId',
        'OwnerId',
        'Subject',
        'StartDateTime',
        'EndDateTime',
        'EventSubtype',
        'CreatedDate',
      ])?.key,
    ).toBe('salesforce-events');
  });

  it('needs the required columns of a preset, not just similar names', () => {
    // A HubSpot deals header without Deal Stage cannot be imported as deals.
    expect(
      detectPreset([
        'Record ID',
        'Deal Name',
        'Pipeline',
        'Amount',
        'Close Date',
        'Create Date',
        'Deal owner',
      ]),
    ).toBeNull();
  });

  it('returns null for an unknown layout', () => {
    expect(detectPreset(['foo', 'bar', 'baz'])).toBeNull();
    expect(detectPreset([])).toBeNull();
  });
});
