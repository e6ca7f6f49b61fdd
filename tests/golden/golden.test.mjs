// Golden test of the package's TypeScript declarations: any change of the generated
// pkg/cec_agent.d.ts and pkg/cec_agent_cms.d.cts (and of the entry declarations) fails here until it is re-blessed with
// `bash .ci/golden`, so an API change is always a reviewed diff of tests/golden/.
// Only what changes without any API change is normalised: the hashes rustc puts in the names
// of wasm-bindgen's closure shims (`..._invoke__h60702a48838d1764`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const pkg = new URL("../../pkg/", import.meta.url);
const golden = new URL("./", import.meta.url);
const bless = process.env.BLESS === "1";
const FILES = ["cec_agent.d.ts", "index.d.ts", "node.d.ts", "node.d.cts", "cec_agent_cms.d.cts", "cms.d.ts", "cms.d.cts"];

const normalise = (text) => text.replace(/(__invoke__h)[0-9a-f]{16}(?:_\d+)?\b/g, "$1<hash>");
const read = (url) => {
  assert.ok(existsSync(url), `missing ${url.pathname}: build the package first (bash .ci/golden)`);
  return readFileSync(url, "utf8");
};

for (const file of FILES) {
  test(`pkg/${file} matches tests/golden/${file}`, () => {
    const actual = normalise(read(new URL(file, pkg)));
    const goldenFile = new URL(file, golden);
    if (bless) writeFileSync(goldenFile, actual);
    const expected = read(goldenFile);
    if (actual !== expected) {
      let diff = "";
      try {
        execFileSync("diff", ["-u", goldenFile.pathname, "-"], { input: actual, encoding: "utf8" });
      } catch (e) {
        diff = e.stdout;
      }
      assert.fail(`pkg/${file} differs from its golden copy; if the change is intended, re-bless with \`bash .ci/golden\`:\n${diff}`);
    }
  });
}

test("the CommonJS declarations are the ESM ones without the browser loader", () => {
  const esm = read(new URL("cec_agent.d.ts", pkg));
  const cut = esm.indexOf("\nexport type InitInput");
  assert.ok(cut > 0, "the generated loader section starts with `export type InitInput`");
  assert.equal(read(new URL("cec_agent.d.cts", pkg)).trimEnd(), esm.slice(0, cut).trimEnd());
});

test("doc comments in the declarations read clean in editor hovers (no raw-string or rustdoc link syntax)", () => {
  for (const file of ["cec_agent.d.ts", "cec_agent.d.cts"]) {
    const docs = read(new URL(file, pkg)).match(/\/\*\*[\s\S]*?\*\//g) ?? [];
    assert.ok(docs.length > 100, `${file} has its doc comments`);
    const stray = docs.filter((d) => /^\s*\*\s*r"|\]\((?:crate::|self::|super::|[A-Z]\w*\))|\[`[^`\]]+`\](?!\()/m.test(d));
    assert.deepEqual(stray, [], `${file}: doc comments with a stray r" or rustdoc links`);
  }
});
