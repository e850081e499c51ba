// Reads a JSON array of queries on standard input and writes, for each,
// the words assets/js/search.js reads in it: [[text, fold, prefix], ...].
// TestParseMatchesJavaScript compares them with Go's.
import { parseQuery } from "../../../assets/js/search.js";

process.stdin.setEncoding("utf8"); // a character split between two chunks stays one
let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = JSON.parse(input).map((q) => parseQuery(q).words.map((w) => [w.text, w.fold, w.prefix]));
process.stdout.write(JSON.stringify(out));
