#!/usr/bin/env node
// Operator CLI entry: runs the TypeScript sources through tsx, as `npm start` does.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
