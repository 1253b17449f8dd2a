// ESLint's recommended rules for the published page's script, a browser script run as it is
// (no bundler, no modules), plus rules that keep data out of markup. The script is outside this
// folder, where ESLint would not look, so `npm run lint` hands it over on standard input.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { ...globals.browser } },
    rules: {
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      "no-implied-eval": "error",
      "no-eval": "error",
      "no-new-func": "error",
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Put data into the page as text (textContent), never as markup." },
        { property: "outerHTML", message: "Put data into the page as text (textContent), never as markup." },
        { property: "insertAdjacentHTML", message: "Put data into the page as text, never as markup." },
        { object: "document", property: "write", message: "Put data into the page as text, never as markup." },
      ],
      eqeqeq: ["error", "always"],
      "prefer-const": "error",
      "no-var": "error",
    },
  },
];
