// @ts-nocheck
// `cec-agent/cms` anywhere but Node (browsers, bundlers without the "node" condition): CC-CMS
// signs every request with the secret key, which must never reach a page.
throw new Error(
  "cec-agent/cms is for Node backends: the secret key must not be shipped to browsers. " +
    'Download recordings on your server (import { CmsClient } from "cec-agent/cms" in Node) and serve them to the page.',
);

// Never reached: the names exist so that a bundle that imports them builds, and shows the
// message above when it runs.
export const CmsClient = undefined;
export const isAgentApiError = undefined;
export const setLogger = undefined;
export const version = undefined;
export const initAsync = undefined;
