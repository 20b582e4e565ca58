/** An AWS API error the command answers with instead of a response. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
