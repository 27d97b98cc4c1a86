// zod validation for request parts, with failures in the API's error shape.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { ApiError } from './errors';

export const validate = <T extends keyof ValidationTargets, S extends ZodType>(target: T, schema: S) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || target,
        message: issue.message
      }));
      throw new ApiError(400, 'invalid_request', `The request ${target} is not valid`, issues);
    }
  });
