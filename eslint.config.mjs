// ESLint for CompAlign: the Office add-in rules (office-addin-lint's plugin, incl. Office.js
// load/sync rules and Prettier), React rules for the task pane. `tsc --noEmit` checks names
// and types, so ESLint's own undefined-name rule is off for TypeScript.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const officeJsRules = [
  "office-addins/call-sync-after-load",
  "office-addins/call-sync-before-read",
  "office-addins/load-object-before-read",
  "office-addins/no-context-sync-in-loop",
  "office-addins/no-empty-load",
  "office-addins/no-navigational-load",
  "office-addins/test-for-null-using-isNullObject",
];

// The TypeScript plugin instance the office config already registers (a second copy would clash).
const tsPlugin = officeAddins.configs.recommended.find((c) => c.plugins?.["@typescript-eslint"])
  .plugins["@typescript-eslint"];

export default [
  { ignores: ["lib/**", "dist/**", "node_modules/**", "coverage/**", "test/e2e/artifacts/**"] },
  ...officeAddins.configs.react,
  {
    // Node scripts and configs (CommonJS): build, bench, start, validate, e2e support.
    files: ["**/*.{js,cjs}"],
    languageOptions: { ecmaVersion: "latest", sourceType: "commonjs", globals: globals.node },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: "latest", sourceType: "module", globals: globals.node },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "@typescript-eslint": tsPlugin },
    languageOptions: { parser: tsParser },
    rules: {
      "no-undef": "off",
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": "error",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    // The Office.js load/sync rules read any `x.value` as an Excel proxy object; they apply
    // only where Excel's object model is used (the Office.js workbook adapter).
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    ignores: ["src/workbook/office/**"],
    rules: Object.fromEntries(officeJsRules.map((rule) => [rule, "off"])),
  },
];
