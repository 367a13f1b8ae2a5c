// The compiled build needs the SQL migrations next to db/migrate.js.
import { cpSync } from 'node:fs';

cpSync('src/db/migrations', 'dist/db/migrations', { recursive: true });
