/** Errors shaped like OfficeExtension.Error: `code`, `message`, `debugInfo`. */
export class DoubleError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export const ErrorCodes = {
  propertyNotLoaded: 'PropertyNotLoaded',
  apiNotFound: 'ApiNotFound',
  itemNotFound: 'ItemNotFound',
  itemAlreadyExists: 'ItemAlreadyExists',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidObjectPath: 'InvalidObjectPath',
  invalidRequestContext: 'InvalidRequestContext',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
} as const;

export function notLoaded(prop: string, type: string): DoubleError {
  return new DoubleError(
    ErrorCodes.propertyNotLoaded,
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object (${type}) and call "context.sync()" on the associated request context.`,
  );
}
