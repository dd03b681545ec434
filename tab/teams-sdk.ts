// Only the part of the Teams SDK the tab uses, so the bundle leaves the rest out. Imported
// lazily (see teams.ts): loading the SDK starts its host checks, which a plain page must not do.
export { app } from "@microsoft/teams-js";
