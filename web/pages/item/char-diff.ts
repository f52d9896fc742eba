/**
 * Character-level difference of two texts (Myers' O(ND) algorithm), for comparing the text an
 * editor is holding with the latest saved version in the browser. Beyond `MAX_EDITS` edits the
 * changed middle is shown as one deletion and one insertion.
 */
export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

const MAX_EDITS = 1500;

function push(ops: DiffOp[], op: DiffOp['op'], text: string): void {
  if (!text) return;
  const last = ops[ops.length - 1];
  if (last && last.op === op) last.text += text;
  else ops.push({ op, text });
}

function middle(x: readonly string[], y: readonly string[]): DiffOp[] {
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) {
    const ops: DiffOp[] = [];
    push(ops, 'delete', x.join(''));
    push(ops, 'insert', y.join(''));
    return ops;
  }
  const limit = Math.min(n + m, MAX_EDITS);
  const offset = limit + 1;
  const v = new Int32Array(2 * offset + 1);
  const at = (k: number) => v[k + offset] ?? 0;
  const trace: Int32Array[] = [];
  v[1 + offset] = 0;
  for (let d = 0; d <= limit; d++) {
    // Snapshot of the diagonals this step reads: k in [-d-1, d+1].
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let px = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? at(k + 1) : at(k - 1) + 1;
      let py = px - k;
      while (px < n && py < m && x[px] === y[py]) {
        px += 1;
        py += 1;
      }
      v[k + offset] = px;
      if (px >= n && py >= m) return backtrack(x, y, trace);
    }
  }
  return [
    { op: 'delete', text: x.join('') },
    { op: 'insert', text: y.join('') },
  ];
}

function backtrack(x: readonly string[], y: readonly string[], trace: Int32Array[]): DiffOp[] {
  const reversed: DiffOp[] = [];
  let px = x.length;
  let py = y.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snap = trace[d]!;
    const get = (k: number) => snap[k + d + 1] ?? 0;
    const k = px - py;
    const prevK = k === -d || (k !== d && get(k - 1) < get(k + 1)) ? k + 1 : k - 1;
    const prevX = get(prevK);
    const prevY = prevX - prevK;
    while (px > prevX && py > prevY) {
      reversed.push({ op: 'equal', text: x[px - 1]! });
      px -= 1;
      py -= 1;
    }
    if (d > 0) {
      if (px === prevX) reversed.push({ op: 'insert', text: y[prevY]! });
      else reversed.push({ op: 'delete', text: x[prevX]! });
    }
    px = prevX;
    py = prevY;
  }
  const ops: DiffOp[] = [];
  for (let i = reversed.length - 1; i >= 0; i--) push(ops, reversed[i]!.op, reversed[i]!.text);
  return ops;
}

export function diffChars(a: string, b: string): DiffOp[] {
  const x = Array.from(a);
  const y = Array.from(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start += 1;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX -= 1;
    endY -= 1;
  }
  const ops: DiffOp[] = [];
  push(ops, 'equal', x.slice(0, start).join(''));
  for (const op of middle(x.slice(start, endX), y.slice(start, endY))) push(ops, op.op, op.text);
  push(ops, 'equal', x.slice(endX).join(''));
  return ops;
}
