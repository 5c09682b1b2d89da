/**
 * `npm start`: builds dist/ when a source changed (about a second), then runs the bot in this
 * same process, so the operator's one command stays `npm start` and nothing compiles at run time.
 */
import { build } from "./build.mjs";

await build();
await import("../dist/main.js");
