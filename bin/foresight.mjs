#!/usr/bin/env node
// `npx foresight …`: runs the TypeScript command line through tsx.
import { register } from "tsx/esm/api";

register();
await import("../lib/cli/main.ts");
