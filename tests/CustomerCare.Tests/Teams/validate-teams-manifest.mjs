// Validates a Teams app manifest against the official JSON schema of its version (from npm @microsoft/app-manifest).
// usage: node validate-teams-manifest.mjs <node_modules folder> <manifest.json> <app id>
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const [modules, manifestPath, appId] = process.argv.slice(2);
const require = createRequire(path.join(modules, "noop.js"));
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8").replaceAll("{{MicrosoftAppId}}", appId));
const schemaPath = path.join(modules, "@microsoft", "app-manifest", "build", "json-schemas", "teams", "v" + manifest.manifestVersion, "MicrosoftTeams.schema.json");
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
if (!validate(manifest)) {
  console.error(JSON.stringify(validate.errors, null, 1));
  process.exit(1);
}
console.log("valid against " + schemaPath);
