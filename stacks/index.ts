import { runStack } from "./program";

// Pulumi runs the exported function and publishes what it returns as the stack's outputs.
export = runStack;
