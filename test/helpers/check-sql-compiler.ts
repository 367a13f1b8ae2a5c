import { sqlCompilerChecks } from '../../src/db/sql-compiler.js';

// Every statement a test sends is compiled by Drizzle as well, and a difference fails the test:
// the whole suite checks Retour's compiler against Drizzle's on real statements.
sqlCompilerChecks.againstDrizzle = true;
