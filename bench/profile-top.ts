// `npx tsx bench/profile-top.ts <file.cpuprofile> [n]`: where a V8 CPU profile (node --cpu-prof)
// spent its time: the functions with the most self time, then each sample charged to the
// nearest function of this repository on its stack (its own work plus the libraries it called).
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const file = process.argv[2];
if (!file) throw new Error("usage: profile-top.ts <file.cpuprofile> [n]");
const n = Number(process.argv[3] ?? 30);
const prof = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const parent = new Map<number, number>();
for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const name = (x: Node) => `${x.callFrame.functionName || "(anonymous)"} ${x.callFrame.url.replace(/^.*\/(node_modules\/|work\/main\/)/, "")}:${x.callFrame.lineNumber + 1}`;
const ours = (x: Node) => x.callFrame.url.includes("/work/main/") && !x.callFrame.url.includes("node_modules");

function show(title: string, key: (x: Node) => string) {
  const agg = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (node) agg.set(key(node), (agg.get(key(node)) ?? 0) + us);
  }
  console.log(`\n${title} (${(total / 1e6).toFixed(1)} s of samples)`);
  for (const [k, us] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}
show("self time", name);
show("charged to the nearest function of this repository", (x) => {
  for (let id: number | undefined = x.id; id !== undefined; id = parent.get(id)) {
    const node = byId.get(id);
    if (node && ours(node)) return name(node);
  }
  return `[no repository frame] ${name(x)}`;
});
