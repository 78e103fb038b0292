/**
 * Errors the database layer raises for problems a person can fix (bad configuration,
 * a database that cannot be reached, a data folder from a newer Treeline). Each carries
 * one clear sentence saying what is wrong and what to do; the CLI prints it as one line.
 */
export class DatabaseSetupError extends Error {
  constructor(
    readonly code:
      | 'invalid_database_url'
      | 'database_unreachable'
      | 'data_folder_too_new'
      | 'data_folder_unusable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseSetupError';
  }
}
