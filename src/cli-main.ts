import { runCli } from './cli.js';

// Entry point of the compiled build (dist/cli-main.js).
runCli(process.argv.slice(2));
