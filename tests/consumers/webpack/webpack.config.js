// Plain webpack 5, no loaders or plugins: `new URL("./cec_agent_bg.wasm", import.meta.url)` in
// the package becomes an emitted asset on its own. OUT_DIR is set by the consumer test.
import { resolve } from "node:path";

export default {
  mode: "production",
  entry: "./main.js",
  output: { path: process.env.OUT_DIR ?? resolve("dist"), filename: "main.js", clean: true },
  performance: { hints: false },
};
