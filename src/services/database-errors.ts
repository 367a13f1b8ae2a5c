/**
 * The HTTP layer answers a unique violation (two requests racing to create the same thing) with
 * 409 whichever use case raced, without knowing the database itself.
 */
export { isUniqueViolation } from '../db/errors.js';
