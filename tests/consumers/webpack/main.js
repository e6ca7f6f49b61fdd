import * as cec from "cec-agent";
import { runInPage } from "../shared/browser.mjs";

runInPage(cec);
